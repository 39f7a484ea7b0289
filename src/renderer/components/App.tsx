import { useEffect, useState } from 'react';
import { connectAppStore, useAppStore } from '../store/appStore';
import { useLanguage, useTranslation } from '../useTranslation';
import { phone } from '../phone/phone';
import { requestCompose } from '../phone/composeRequest';
import { AccountView } from './account/AccountView';
import { AutomationPage } from './automation/AutomationPage';
import { ColleagueList } from './presence/ColleagueList';
import { CalendarPage } from './calendar/CalendarPage';
import { DebugPanel } from './DebugPanel';
import { ProfileEditorPage } from './editor/ProfileEditorPage';
import { LanguagePicker } from './LanguagePicker';
import { Notices } from './Notices';
import { PhoneHost } from './phone/PhoneHost';
import { PhoneView } from './phone/PhoneView';
import { ProfileList } from './ProfileList';

type View = 'switcher' | 'editor' | 'calendar' | 'automation' | 'phone' | 'colleagues' | 'account';
const VIEWS = [
  ['switcher', 'nav.switcher'],
  ['editor', 'nav.editor'],
  ['calendar', 'calendar.nav'],
  ['automation', 'nav.automation'],
  ['phone', 'nav.phone'],
  ['colleagues', 'nav.colleagues'],
  ['account', 'nav.account'],
] as const;

export function App() {
  const t = useTranslation();
  const language = useLanguage();
  const ready = useAppStore((store) => store.state !== null);
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
        {ready && <PhoneHost onShowPhone={() => setView('phone')} />}
        {ready && view === 'switcher' && <ProfileList />}
        {ready && view === 'editor' && <ProfileEditorPage />}
        {ready && view === 'calendar' && <CalendarPage />}
        {ready && view === 'automation' && <AutomationPage />}
        {ready && view === 'phone' && <PhoneView />}
        {ready && view === 'colleagues' && (
          <ColleagueList
            onCall={(uri) => {
              setView('phone');
              phone.dial(uri);
            }}
            onMessage={(uri) => {
              requestCompose(uri);
              setView('phone');
            }}
          />
        )}
        {ready && view === 'account' && <AccountView />}
      </main>
      <DebugPanel />
    </div>
  );
}
