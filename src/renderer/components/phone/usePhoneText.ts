import { useCallback, useMemo } from 'react';
import type { AppError } from '../../../core/errors';
import { phoneErrorKey } from '../../../core/i18n/phoneMessages';
import { describeParty, partyLine, type PartyLabels } from '../../../core/phone/partyDisplay';
import type { RemoteParty } from '../../../core/phone/remoteParty';
import { failureMessage, type SipFailure } from '../../../core/phone/sipFailure';
import { useTranslation } from '../../useTranslation';

/** An AppError in the UI language; a code the phone does not know shows its English message. */
export function usePhoneErrorText(): (error: AppError) => string {
  const t = useTranslation();
  return useCallback(
    (error: AppError) => {
      const key = phoneErrorKey(error.code);
      return key === null ? error.message : t(key, { detail: error.message });
    },
    [t],
  );
}

/** How parties are named in the UI language. */
export function useParty(): { describe(party: RemoteParty): { primary: string; secondary: string }; line(party: RemoteParty): string } {
  const t = useTranslation();
  const labels: PartyLabels = useMemo(() => ({ hidden: t('phone.party.hidden'), unknown: t('phone.party.unknown') }), [t]);
  return useMemo(
    () => ({ describe: (party) => describeParty(party, labels), line: (party) => partyLine(party, labels) }),
    [labels],
  );
}

/** Why a call, message or registration failed, in the UI language. */
export function useFailureText(): (failure: SipFailure) => string {
  const t = useTranslation();
  return useCallback(
    (failure: SipFailure) => {
      const { key, params } = failureMessage(failure);
      return t(key, params);
    },
    [t],
  );
}
