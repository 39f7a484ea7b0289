import { useId, useState } from 'react';
import { useErrorText } from '../shared/errorText';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { calendarRequest } from './calendarRequest';

type Rule = 'shortFormMarkers' | 'ignorePrivateEvents';

function RuleToggle({ on, label, hint, onChange }: { on: boolean; label: string; hint: string; onChange(on: boolean): void }) {
  const hintId = useId();
  return (
    <>
      <label className="calendar-rule__toggle">
        <input type="checkbox" checked={on} aria-describedby={hintId} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      <small id={hintId} className="calendar-muted">
        {hint}
      </small>
    </>
  );
}

/** The optional marker grammar and the private-event rule, both off by default. */
export function MarkerRules() {
  const t = useTranslation();
  const errorText = useErrorText();
  const shortForms = useAppStore((store) => store.state?.calendar.shortFormMarkers ?? false);
  const ignorePrivate = useAppStore((store) => store.state?.calendar.ignorePrivateEvents ?? false);
  const [error, setError] = useState<string | null>(null);

  const set = (rule: Rule) => async (on: boolean) => {
    const refused = await calendarRequest('calendar:set-marker-rules', { [rule]: on });
    setError(refused ? t('calendar.error.generic', { message: errorText(refused) }) : null);
  };

  return (
    <section className="calendar-panel" aria-labelledby="calendar-markers-heading">
      <h3 id="calendar-markers-heading">{t('calendar.markers.heading')}</h3>
      <RuleToggle
        on={shortForms}
        label={t('calendar.markers.shortForms')}
        hint={t('calendar.markers.shortFormsHint')}
        onChange={(on) => void set('shortFormMarkers')(on)}
      />
      <RuleToggle
        on={ignorePrivate}
        label={t('calendar.markers.ignorePrivate')}
        hint={t('calendar.markers.ignorePrivateHint')}
        onChange={(on) => void set('ignorePrivateEvents')(on)}
      />
      {error && (
        <p className="calendar-field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
