import { Suspense, useEffect, useState } from 'react';
import { connectAppStore, useAppStore } from '../store/appStore';
import { useLanguage, useTranslation } from '../useTranslation';
import { LanguagePicker } from './LanguagePicker';
import {
  AccountView,
  AutomationPage,
  CalendarPage,
  ColleaguesView,
  DebugPanel,
  FirstStart,
  PhoneHost,
  PhoneView,
  ProfileEditorPage,
  RecordingsPage,
  ViewLoading,
} from './lazyViews';
import { Notices } from './Notices';
import { ProfileList } from './ProfileList';
import { accountStarted } from '../../core/phone/uaSettings';

type View = 'switcher' | 'editor' | 'calendar' | 'automation' | 'phone' | 'colleagues' | 'recordings' | 'account';
const VIEWS = [
  ['switcher', 'nav.switcher'],
  ['editor', 'nav.editor'],
  ['calendar', 'calendar.nav'],
  ['automation', 'nav.automation'],
  ['phone', 'nav.phone'],
  ['colleagues', 'nav.colleagues'],
  ['recordings', 'nav.recordings'],
  ['account', 'nav.account'],
] as const;

export function App() {
  const t = useTranslation();
  const language = useLanguage();
  const ready = useAppStore((store) => store.state !== null);
  const firstStart = useAppStore((store) => store.state !== null && !accountStarted(store.state.account));
  const [view, setView] = useState<View>('switcher');
  useEffect(() => connectAppStore(), []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  return (
    <div className="app">
      <header className="app__header">
        <h1>{t('app.title')}</h1>
        <LanguagePicker />
      </header>
      <nav className="app__nav" aria-label={t('nav.label')}>
        {VIEWS.map(([id, label]) => (
          <button key={id} type="button" aria-current={view === id ? 'page' : undefined} onClick={() => setView(id)}>
            {t(label)}
          </button>
        ))}
      </nav>
      <main aria-busy={!ready}>
        <Notices />
        {ready && (
          <Suspense fallback={null}>
            <PhoneHost onShowPhone={() => setView('phone')} />
          </Suspense>
        )}
        {ready && view === 'switcher' && firstStart && (
          <Suspense fallback={null}>
            <FirstStart onSetUpByHand={() => setView('account')} />
          </Suspense>
        )}
        {ready && view === 'switcher' && <ProfileList />}
        {ready && view !== 'switcher' && (
          <Suspense fallback={<ViewLoading />}>
            {view === 'editor' && <ProfileEditorPage />}
            {view === 'calendar' && <CalendarPage />}
            {view === 'automation' && <AutomationPage />}
            {view === 'phone' && <PhoneView />}
            {view === 'colleagues' && <ColleaguesView onShowPhone={() => setView('phone')} />}
            {view === 'recordings' && <RecordingsPage />}
            {view === 'account' && <AccountView />}
          </Suspense>
        )}
      </main>
      <Suspense fallback={null}>
        <DebugPanel />
      </Suspense>
    </div>
  );
}
