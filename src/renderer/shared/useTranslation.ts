import { useCallback } from 'react';
import { translate, type MessageKey } from '../../core/i18n/messages';
import type { Language } from '../../core/i18n/language';
import type { MessageParams } from '../../core/i18n/icu';
import { useAppStore } from './appStore';

export function useLanguage(): Language {
  return useAppStore((store) => store.state?.ui.language ?? 'sv');
}

export function useTranslation(): (key: MessageKey, params?: MessageParams) => string {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
