import { CONTRACT_UNREACHABLE, type AppError } from '../errors';
import type { Language } from './language';
import { formatMessage } from './icu';

/** Texts for a request the renderer could not hand to main. Swedish first. */
const sv = {
  'contract.error.unreachable': 'Begäran {channel} nådde inte appen: förbindelsen till den är bruten. Inget har ändrats. Ladda om fönstret eller starta om appen.',
} as const;

export type ContractMessageKey = keyof typeof sv;

const en: Record<ContractMessageKey, string> = {
  'contract.error.unreachable': 'The request {channel} did not reach the app: the connection to it is broken. Nothing was changed. Reload the window or restart the app.',
};

export const contractMessages = { sv, en };

/** The text of a request that did not reach main, or null for any other error. */
export function contractErrorText(language: Language, error: AppError): string | null {
  if (error.code !== CONTRACT_UNREACHABLE) return null;
  const key = 'contract.error.unreachable';
  return formatMessage(language, key, contractMessages[language][key], { channel: error.field ?? '' });
}

/** An error's message for a view's generic frame ("Något gick fel: …"): worded in the UI language when the request never reached main. */
export function refusalMessage(error: AppError, t: (key: ContractMessageKey, params: { channel: string }) => string): string {
  return error.code === CONTRACT_UNREACHABLE ? t('contract.error.unreachable', { channel: error.field ?? '' }) : error.message;
}
