/** Texts for what the disk refused, and for a data directory another copy of the app owns. Swedish first. */
const sv = {
  'storage.error.settings-write-failed':
    'Inställningarna kunde inte sparas: {problem}. Inget har ändrats – det som redan var sparat finns kvar.',
  'storage.error.password-write-failed': 'Lösenordet kunde inte sparas: {problem}. Det tidigare lösenordet finns kvar.',
  'storage.error.history-write-failed': 'Samtalet kunde inte sparas i samtalshistoriken: {problem}. Den tidigare historiken finns kvar.',
  'storage.error.recording-write-failed': 'Inspelningen kunde inte sparas: {problem}. Tidigare inspelningar finns kvar.',
  'storage.error.calendar-cache-write-failed':
    'Kalendern kunde inte sparas för nästa start: {problem}. Kalendern fungerar ändå medan appen körs.',
  'storage.problem.disk-full': 'disken är full',
  'storage.problem.read-only': 'disken är skrivskyddad',
  'storage.problem.no-permission': 'behörighet saknas till datakatalogen',
  'storage.problem.path-blocked': 'något i datakatalogen står i vägen för filen',
  'storage.problem.io-error': 'ett fel i filsystemet',
  'storage.error.request-failed': 'Begäran {channel} kunde inte utföras på grund av ett oväntat fel. Inget har ändrats.',
  'storage.dataDirInUse':
    'Profiltelefon körs redan med datakatalogen {dir} (process {pid}). Avsluta den först, eller starta med en annan datakatalog.',
  'storage.dataDirLockFailed': 'Datakatalogen {dir} kunde inte låsas: {detail}',
} as const;

export type StorageMessageKey = keyof typeof sv;

const en: Record<StorageMessageKey, string> = {
  'storage.error.settings-write-failed':
    'The settings could not be saved: {problem}. Nothing was changed; what was saved before is still there.',
  'storage.error.password-write-failed': 'The password could not be saved: {problem}. The previous password is kept.',
  'storage.error.history-write-failed': 'The call could not be saved in the call history: {problem}. The earlier history is kept.',
  'storage.error.recording-write-failed': 'The recording could not be saved: {problem}. Earlier recordings are kept.',
  'storage.error.calendar-cache-write-failed':
    'The calendar could not be kept for the next start: {problem}. It still works while the app runs.',
  'storage.problem.disk-full': 'the disk is full',
  'storage.problem.read-only': 'the disk is read-only',
  'storage.problem.no-permission': 'no permission for the data directory',
  'storage.problem.path-blocked': 'something in the data directory is in the way of the file',
  'storage.problem.io-error': 'a file system error',
  'storage.error.request-failed': 'The request {channel} could not be carried out because of an unexpected error. Nothing was changed.',
  'storage.dataDirInUse':
    'Profile Phone is already running with the data directory {dir} (process {pid}). Quit it first, or start with another data directory.',
  'storage.dataDirLockFailed': 'The data directory {dir} could not be locked: {detail}',
};

export const storageMessages = { sv, en };
