/** Texts of the window's frame: the "me" header and its switcher popover. Swedish first; English must carry every Swedish key. */
const sv = {
  'me.open': 'Byt profil. Status: {status}. Nu:',
  'switcher.activate': 'Aktivera',
  'me.noAccount': 'Inget konto',
  'switcher.messageApplied': 'Meddelandet visas nu med {profile}.',
  'switcher.messageCleared': '{profile} visar sitt eget meddelande igen.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'me.open': 'Change profile. Status: {status}. Now:',
  'switcher.activate': 'Activate',
  'me.noAccount': 'No account',
  'switcher.messageApplied': 'The message is now shown with {profile}.',
  'switcher.messageCleared': '{profile} shows its own message again.',
};

export const shellMessages = { sv, en };
