import { LANGUAGES, type Language } from '../../core/i18n/language';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { GlobeIcon } from '../shared/icons';

const names: Record<Language, string> = { sv: 'Svenska', en: 'English' };

export function LanguagePicker() {
  const t = useTranslation();
  const language = useLanguage();
  const invoke = useAppStore((store) => store.invoke);
  return (
    <label className="language-picker">
      <GlobeIcon />
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={language} onChange={(event) => void invoke('ui:update', { language: event.target.value as Language })}>
        {LANGUAGES.map((option) => (
          <option key={option} value={option}>
            {names[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
