import { useCallback } from 'react';
import type { AppError } from '../../core/errors';
import { errorText } from '../../core/userErrors/errorText';
import { useLanguage } from './useTranslation';

/**
 * An AppError in the UI language, from its code and never its English message. `ownPrefix`
 * (e.g. `phone.error.`) lets a view word a code its own way where it has a text for it.
 */
export function useErrorText(ownPrefix?: string): (error: AppError) => string {
  const language = useLanguage();
  return useCallback((error: AppError) => errorText(language, error, ownPrefix), [language, ownPrefix]);
}
