import { useCallback, useMemo } from 'react';
import type { AppError } from '../../core/errors';
import { describeParty, partyLine, type PartyLabels } from '../../core/phone/partyDisplay';
import type { RemoteParty } from '../../core/phone/remoteParty';
import { failureMessage, type SipFailure } from '../../core/phone/sipFailure';
import { useTranslation } from '../shared/useTranslation';
import { useErrorText } from '../shared/errorText';

/** An AppError in the UI language, worded as the phone words it. */
export function usePhoneErrorText(): (error: AppError) => string {
  return useErrorText('phone.error.');
}

/** How parties are named in the UI language. */
export function useParty(): { describe(party: RemoteParty): { primary: string; secondary: string }; line(party: RemoteParty): string } {
  const t = useTranslation();
  const labels: PartyLabels = useMemo(() => ({ hidden: t('phone.party.hidden'), unknown: t('phone.party.unknown') }), [t]);
  return useMemo(() => ({ describe: (party) => describeParty(party, labels), line: (party) => partyLine(party, labels) }), [labels]);
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
