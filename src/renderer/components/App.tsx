import { useEffect } from 'react';
import { connectAppStore, useAppStore } from '../store/appStore';
import { useLanguage, useTranslation } from '../useTranslation';
import { DebugPanel } from './DebugPanel';
import { LanguagePicker } from './LanguagePicker';
import { Notices } from './Notices';
import { ProfileList } from './ProfileList';

export function App() {
  const t = useTranslation();
  const language = useLanguage();
  const ready = useAppStore((store) => store.state !== null);
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
      <main aria-busy={!ready}>
        <Notices />
        {ready && <ProfileList />}
      </main>
      <DebugPanel />
    </div>
  );
}
