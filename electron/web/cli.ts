import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirLock, lockRefusalText } from '../services/dataDirLock';
import { OWNER_ONLY_DIRECTORY_MODE } from '../services/durableFile';
import { startWebShell } from './webShell';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    'data-dir': { type: 'string', default: '.data/web' },
    provision: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true, mode: OWNER_ONLY_DIRECTORY_MODE });

const locked = await DataDirLock.acquire(dataDir);
if (locked.kind !== 'acquired') {
  console.error(lockRefusalText('sv', dataDir, locked));
  process.exit(3);
}
const lock = locked.lock;

const shell = await startWebShell({ port, dataDir, rendererDir: resolve('out/renderer'), onQuit: () => exit() });
if (values.provision !== undefined) {
  const provisioned = provisionFrom(resolve(values.provision));
  if (provisioned !== null) {
    console.error(provisioned);
    await shell.close();
    lock.release();
    process.exit(2);
  }
}

/** Applies a provisioning file; returns why it was refused, or null. */
function provisionFrom(file: string): string | null {
  const provisioned = shell.services.importProvisioningFile(file);
  return provisioned.ok ? null : `Provisioneringsfilen ${file} avvisades: ${provisioned.error.message}`;
}
console.log(`Profiltelefon (webbskal) körs: ${shell.url}`);
console.log(`Data: ${dataDir}`);

function exit(): void {
  console.log('Profiltelefon (webbskal) avslutas.');
  void shell.close().then(() => {
    lock.release();
    process.exit(0);
  });
}

/** Ctrl-C or a service manager's SIGTERM signs off first, as Avsluta does; a second signal ends at once. */
function signOffAndExit(): void {
  void shell.services.prepareToQuit().then(exit);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, signOffAndExit);
