import { useCallback } from 'react';
import type { AppError } from '../../../core/errors';
import { boundsErrorText } from '../../../core/i18n/boundsMessages';
import { contractErrorText } from '../../../core/i18n/contractMessages';
import { editorErrorKey } from '../../../core/i18n/editorMessages';
import { storageErrorText } from '../../../core/i18n/storageMessages';
import { MAX_PRIORITY_CONTACTS } from '../../../core/account/model';
import { CALENDAR_PRIORITY, NO_ANSWER_SECONDS, PROFILE_NUMBER_MAX, TEXT_LIMITS } from '../../../core/profiles/validation';
import { useLanguage, useTranslation } from '../../useTranslation';

/** The limits some error texts name; the English `message` carries them already. */
const ERROR_PARAMS: Partial<Record<string, Record<string, number>>> = {
  'number-out-of-range': { max: PROFILE_NUMBER_MAX },
  'no-answer-out-of-range': { min: NO_ANSWER_SECONDS.min, max: NO_ANSWER_SECONDS.max },
  'name-too-long': { max: TEXT_LIMITS.name },
  'status-message-too-long': { max: TEXT_LIMITS.statusMessage },
  'announcement-too-long': { max: TEXT_LIMITS.announcement },
  'calendar-priority-out-of-range': CALENDAR_PRIORITY,
  'priority-list-full': { max: MAX_PRIORITY_CONTACTS },
};

/** An AppError in the UI language; a code the editor does not know shows its English message. */
export function useErrorText(): (error: AppError) => string {
  const t = useTranslation();
  const language = useLanguage();
  return useCallback(
    (error: AppError) => {
      const stored = storageErrorText(language, error) ?? contractErrorText(language, error);
      if (stored !== null) return stored;
      const outOfBounds = boundsErrorText(language, error);
      if (outOfBounds !== null) return outOfBounds;
      const key = editorErrorKey(error.code);
      return key === null ? error.message : t(key, ERROR_PARAMS[error.code]);
    },
    [t, language],
  );
}
