import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppError } from '../../src/core/errors';
import { translate } from '../../src/core/i18n/messages';
import type { Language } from '../../src/core/i18n/language';
import { OWNER_ONLY_FILE_MODE } from './durableFile';

export const LOCK_FILE_NAME = 'profiltelefon.lock';

/** What the lock file says: who owns the directory, and where it listens for a later start's arguments. */
const LockOwnerSchema = z.object({ pid: z.number().int().positive(), socket: z.string().min(1).max(300) }).strict();
export type LockOwner = z.infer<typeof LockOwnerSchema>;

const HandOverSchema = z.object({ argv: z.array(z.string().max(4096)).max(64) }).strict();

const PROBE_TIMEOUT_MS = 2_000;
const ATTEMPTS = 3;

export type LockOutcome =
  | { kind: 'acquired'; lock: DataDirLock }
  /** Another running copy owns the directory; `handedOver` says whether it took this start's arguments. */
  | { kind: 'held'; owner: LockOwner; handedOver: boolean }
  | { kind: 'failed'; error: AppError };

export interface LockOptions {
  /** Arguments for the owner, when this start finds one (Electron hands over a `tel:` link or `--profile`). */
  handOver?: readonly string[];
  /** What the owner does with a later start's arguments. */
  onArguments?: (argv: string[]) => void;
}

/**
 * One running copy per data directory. The lock file is created whole or not at all (a hard link
 * of a complete file), and names a local socket the owner listens on. The socket is the proof of
 * life: the OS closes it with its process, so a lock left by a killed process (kill -9, a crash,
 * a power cut) is noticed at once, and a reused pid cannot fool it.
 */
export class DataDirLock {
  private constructor(
    private readonly lockPath: string,
    private readonly server: Server,
    private readonly owner: LockOwner,
  ) {}

  static async acquire(dataDir: string, options: LockOptions = {}): Promise<LockOutcome> {
    const lockPath = join(dataDir, LOCK_FILE_NAME);
    const owner: LockOwner = { pid: process.pid, socket: newSocketAddress() };
    let server: Server;
    try {
      server = await listen(owner.socket, options.onArguments ?? (() => {}));
    } catch (error) {
      return failed(dataDir, error);
    }
    const give = (outcome: LockOutcome): LockOutcome => {
      if (outcome.kind !== 'acquired') closeServer(server, owner.socket);
      return outcome;
    };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        createWhole(lockPath, JSON.stringify(owner));
        return { kind: 'acquired', lock: new DataDirLock(lockPath, server, owner) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return give(failed(dataDir, error));
      }
      const found = readOwner(lockPath);
      if (found.kind === 'gone') continue;
      if (found.kind === 'owner') {
        const probe = await reach(found.owner.socket, options.handOver);
        if (probe !== 'dead') return give({ kind: 'held', owner: found.owner, handedOver: probe === 'handed-over' });
      }
      breakStaleLock(lockPath, found.text);
    }
    return give({ kind: 'failed', error: { code: 'data-dir-lock-contended', message: `The lock on ${dataDir} kept changing hands.` } });
  }

  release(): void {
    closeServer(this.server, this.owner.socket);
    const found = readOwner(this.lockPath);
    if (found.kind === 'owner' && found.owner.socket === this.owner.socket) rmSync(this.lockPath, { force: true });
  }
}

/** Why this start may not use the directory, for a dialog or the console. */
export function lockRefusalText(language: Language, dataDir: string, refused: Exclude<LockOutcome, { kind: 'acquired' }>): string {
  return refused.kind === 'held'
    ? translate(language, 'storage.dataDirInUse', { dir: dataDir, pid: refused.owner.pid })
    : translate(language, 'storage.dataDirLockFailed', { dir: dataDir, detail: refused.error.message });
}

function failed(dataDir: string, error: unknown): LockOutcome {
  return {
    kind: 'failed',
    error: { code: 'data-dir-lock-failed', message: `The data directory ${dataDir} could not be locked: ${(error as Error).message}` },
  };
}

function newSocketAddress(): string {
  const name = `profiltelefon-${randomUUID()}`;
  return process.platform === 'win32' ? `\\\\.\\pipe\\${name}` : join(tmpdir(), `${name}.sock`);
}

/** Writes the whole file beside the lock, then links it into place: it exists complete, or not at all. */
function createWhole(lockPath: string, text: string): void {
  const temporary = `${lockPath}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: OWNER_ONLY_FILE_MODE });
    linkSync(temporary, lockPath);
  } finally {
    rmSync(temporary, { force: true });
  }
}

type OwnerReading = { kind: 'gone' } | { kind: 'owner'; owner: LockOwner; text: string } | { kind: 'unreadable'; text: string };

function readOwner(lockPath: string): OwnerReading {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch {
    return { kind: 'gone' };
  }
  try {
    const parsed = LockOwnerSchema.safeParse(JSON.parse(text));
    return parsed.success ? { kind: 'owner', owner: parsed.data, text } : { kind: 'unreadable', text };
  } catch {
    return { kind: 'unreadable', text };
  }
}

/**
 * Moves the dead owner's lock aside and removes it. If another start replaced it meanwhile, the
 * live lock is put back, and the next attempt finds its owner.
 */
function breakStaleLock(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${randomUUID()}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleText) linkSync(aside, lockPath);
  } catch {
    // Someone holds the lock already; the next attempt finds them.
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Connects to an owner's socket: `dead` when nothing listens there, else whether it took the arguments. */
function reach(socket: string, argv: readonly string[] | undefined): Promise<'dead' | 'alive' | 'handed-over'> {
  return new Promise((resolve) => {
    let connected = false;
    const connection = createConnection(socket);
    const finish = (outcome: 'dead' | 'alive' | 'handed-over') => {
      connection.destroy();
      resolve(outcome);
    };
    // A connection that hangs is not proof of death: the owner may be busy.
    connection.setTimeout(PROBE_TIMEOUT_MS, () => finish('alive'));
    connection.once('error', () => finish(connected ? 'alive' : 'dead'));
    connection.once('connect', () => {
      connected = true;
      if (argv === undefined) return finish('alive');
      connection.write(`${JSON.stringify({ argv })}\n`);
    });
    connection.once('data', () => finish('handed-over'));
    connection.once('end', () => finish('alive'));
  });
}

function listen(socket: string, onArguments: (argv: string[]) => void): Promise<Server> {
  const server = createServer((connection) => receiveArguments(connection, onArguments));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => {
      server.off('error', reject);
      server.on('error', (error) => console.warn(`The data directory's socket failed: ${error.message}`));
      resolve(server);
    });
  });
}

/** One line of JSON from a later start; anything else is dropped. */
function receiveArguments(connection: Socket, onArguments: (argv: string[]) => void): void {
  let received = '';
  connection.setEncoding('utf8');
  connection.setTimeout(PROBE_TIMEOUT_MS, () => connection.destroy());
  connection.on('error', () => connection.destroy());
  connection.on('data', (chunk: string) => {
    received += chunk;
    if (received.length > 300_000) return connection.destroy();
    const end = received.indexOf('\n');
    if (end < 0) return;
    let handOver: z.infer<typeof HandOverSchema> | null = null;
    try {
      const parsed = HandOverSchema.safeParse(JSON.parse(received.slice(0, end)));
      if (parsed.success) handOver = parsed.data;
    } catch {
      // not JSON: dropped below
    }
    if (handOver === null) return connection.destroy();
    connection.end('ok\n');
    try {
      onArguments(handOver.argv);
    } catch (error) {
      console.error("A later start's arguments could not be handled:", error);
    }
  });
}

function closeServer(server: Server, socket: string): void {
  server.close();
  if (process.platform !== 'win32') rmSync(socket, { force: true });
}
