import { Suspense, useEffect, useState } from 'react';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
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
import { ProfileList } from '../switcher/ProfileList';
import { MeHeader } from './MeHeader';
import { NavBar, type View } from './NavBar';
import { accountStarted } from '../../core/phone/uaSettings';

export function App() {
  const t = useTranslation();
  const language = useLanguage();
  const ready = useAppStore((store) => store.state !== null);
  const firstStart = useAppStore((store) => store.state !== null && !accountStarted(store.state.account));
  const [view, setView] = useState<View>('switcher');
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">
          <span className="app__logo" aria-hidden="true">
            P
          </span>
          <span className="app__name">{t('app.title')}</span>
        </h1>
        <MeHeader />
        <LanguagePicker />
      </header>
      <NavBar view={view} onChange={setView} />
      <main className="app__main" aria-busy={!ready}>
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
