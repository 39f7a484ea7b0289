/** Texts for a request the renderer could not hand to main. Swedish first. */
const sv = {
  'contract.error.unreachable':
    'Begäran {channel} nådde inte appen: förbindelsen till den är bruten. Inget har ändrats. Ladda om fönstret eller starta om appen.',
} as const;

export type ContractMessageKey = keyof typeof sv;

const en: Record<ContractMessageKey, string> = {
  'contract.error.unreachable':
    'The request {channel} did not reach the app: the connection to it is broken. Nothing was changed. Reload the window or restart the app.',
};

export const contractMessages = { sv, en };
