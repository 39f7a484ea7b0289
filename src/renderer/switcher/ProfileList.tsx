import { startTransition, Suspense, useOptimistic, useState } from 'react';
import type { Profile } from '../../core/profiles/model';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { lazyExport } from '../shared/lazyExport';
import { ProfileRows } from './ProfileRows';
import { TemporaryMessageField } from './TemporaryMessageField';

// react-aria's date field and dialog are needed only once the clock button is pressed.
const EndTimeDialog = lazyExport(() => import('./EndTimeDialog'), 'EndTimeDialog');

/** The clock icon's dialog for one profile, loaded when first asked for. */
export function ChooseEnd({ profile, onClose }: { profile: Profile | null; onClose(): void }) {
  if (!profile) return null;
  return (
    <Suspense fallback={null}>
      <EndTimeDialog profile={profile} isOpen onOpenChange={(open) => !open && onClose()} onActivated={onClose} />
    </Suspense>
  );
}

/** The Profiler view: the whole switcher, with the incoming-call summary under each profile. */
export function ProfileList() {
  const t = useTranslation();
  const showNumbers = useAppStore((store) => store.state?.ui.showProfileNumbers ?? false);
  const invoke = useAppStore((store) => store.invoke);
  const [shownNumbers, showNumbersNow] = useOptimistic(showNumbers);
  const [choosingEnd, setChoosingEnd] = useState<Profile | null>(null);
  const toggleNumbers = (show: boolean) =>
    startTransition(async () => {
      showNumbersNow(show);
      await invoke('ui:update', { showProfileNumbers: show });
    });

  return (
    <section className="switcher-page" aria-labelledby="profiles-heading">
      <div className="section-header">
        <h2 id="profiles-heading">{t('profiles.heading')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={shownNumbers} onChange={(event) => toggleNumbers(event.target.checked)} />
          {t('profiles.showNumbers')}
        </label>
      </div>
      <TemporaryMessageField />
      <ProfileRows showNumbers={shownNumbers} onChooseEnd={setChoosingEnd} />
      <ChooseEnd profile={choosingEnd} onClose={() => setChoosingEnd(null)} />
    </section>
  );
}
