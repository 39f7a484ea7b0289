/** Texts of the colleague list. Swedish first; English must carry every Swedish key. */
const sv = {
  'presence.heading': 'Kollegor',
  'presence.empty': 'Inga kollegor i katalogen.',
  'presence.filter': 'Sök kollega',
  'presence.callState.idle': 'Ej i samtal',
  'presence.callState.ringing-in': 'Inkommande ringning',
  'presence.callState.ringing-out': 'Utgående ringning',
  'presence.callState.busy': 'Upptagen i samtal',
  'presence.callState.hidden': 'Ej synlig samtalsstatus',
  'presence.offline': 'Inte inloggad',
  'presence.unknown': 'Okänd',
  'presence.until': 'till {time}',
  'presence.call': 'Ring {name}',
  'presence.message': 'Skicka meddelande till {name}',
  'presence.watch': 'Meddela mig när {name} blir tillgänglig',
  'presence.nowAvailable': '{name} är nu tillgänglig.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'presence.heading': 'Colleagues',
  'presence.empty': 'No colleagues in the directory.',
  'presence.filter': 'Find a colleague',
  'presence.callState.idle': 'Not in a call',
  'presence.callState.ringing-in': 'Incoming call ringing',
  'presence.callState.ringing-out': 'Outgoing call ringing',
  'presence.callState.busy': 'Busy in a call',
  'presence.callState.hidden': 'Call status not visible',
  'presence.offline': 'Not signed in',
  'presence.unknown': 'Unknown',
  'presence.until': 'until {time}',
  'presence.call': 'Call {name}',
  'presence.message': 'Send a message to {name}',
  'presence.watch': 'Tell me when {name} becomes available',
  'presence.nowAvailable': '{name} is now available.',
};

export const presenceMessages = { sv, en };
