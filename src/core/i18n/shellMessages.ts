/** Texts of the window's frame: the "me" header and its switcher popover. Swedish first; English must carry every Swedish key. */
const sv = {
  'me.open': 'Byt profil. Nu:',
  'switcher.activate': 'Aktivera',
  'me.noAccount': 'Inget konto',
  'me.status': 'Status: {status}',
  'switcher.messageApplied': 'Meddelandet visas nu med {profile}.',
  'switcher.messageCleared': '{profile} visar sitt eget meddelande igen.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'me.open': 'Change profile. Now:',
  'switcher.activate': 'Activate',
  'me.noAccount': 'No account',
  'me.status': 'Status: {status}',
  'switcher.messageApplied': 'The message is now shown with {profile}.',
  'switcher.messageCleared': '{profile} shows its own message again.',
};

export const shellMessages = { sv, en };
