/** Texts of listen-in (medlyssning), on both sides. Swedish first; English must carry every Swedish key. */
const sv = {
  'listenIn.start': 'Medlyssna på {name}',
  'listenIn.connecting': 'Ansluter medlyssning till {name}…',
  'listenIn.listening': 'Du lyssnar på samtalet hos {name}.',
  'listenIn.stop': 'Sluta lyssna',
  'listenIn.ended': 'Medlyssningen hos {name} har avslutats.',
  'listenIn.refused': 'Medlyssning nekades.',
  'listenIn.refused.no-add-on': '{name} har inte tillägget Medlyssning.',
  'listenIn.refused.not-a-supervisor': 'Telefonen hos {name} känner inte igen dig som arbetsledare.',
  'listenIn.refused.profile-disallows': 'Den aktiva profilen hos {name} tillåter inte medlyssning.',
  'listenIn.refused.no-call': '{name} är inte i något samtal.',
  'listenIn.refused.already-listened': 'Någon lyssnar redan på samtalet hos {name}.',
  'listenIn.refused.unreachable': 'Medlyssningen nådde inte fram till {name}.',
  'listenIn.listener': '{name} lyssnar',
  'account.supervisor': 'Arbetsledare (får medlyssna hos kollegor)',
} as const;

const en: Record<keyof typeof sv, string> = {
  'listenIn.start': 'Listen in on {name}',
  'listenIn.connecting': 'Connecting to listen in on {name}…',
  'listenIn.listening': 'You are listening in on {name}’s call.',
  'listenIn.stop': 'Stop listening',
  'listenIn.ended': 'Listening in on {name} has ended.',
  'listenIn.refused': 'Listen-in refused.',
  'listenIn.refused.no-add-on': '{name} does not have the listen-in add-on.',
  'listenIn.refused.not-a-supervisor': '{name}’s phone does not know you as a supervisor.',
  'listenIn.refused.profile-disallows': '{name}’s active profile does not allow listen-in.',
  'listenIn.refused.no-call': '{name} is not in a call.',
  'listenIn.refused.already-listened': 'Someone is already listening in on {name}’s call.',
  'listenIn.refused.unreachable': 'The listen-in request did not reach {name}.',
  'listenIn.listener': '{name} is listening',
  'account.supervisor': 'Supervisor (may listen in on colleagues)',
};

export const listenInMessages = { sv, en };
