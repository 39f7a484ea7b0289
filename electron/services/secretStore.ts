import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src/core/errors';
import { fileNameOf } from './calendarCache';
import { attemptWrite, OWNER_ONLY_FILE_MODE, writeFileDurably } from './durableFile';

/** Turns a secret into bytes for the disk and back. Electron uses the OS keychain (safeStorage). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(stored: Buffer): string;
}

/** The SIP password, kept apart from the settings file, owner-only. */
export class SecretStore {
  constructor(
    private readonly path: string,
    private readonly cipher: SecretCipher,
  ) {}

  get(): string | null {
    if (!existsSync(this.path)) return null;
    return this.cipher.decrypt(readFileSync(this.path));
  }

  /** Replaces the password whole; on a refusal the stored one is kept as it was. */
  set(secret: string | null): Result<null> {
    if (secret === null || secret === '') return attemptWrite('password', () => rmSync(this.path, { force: true }));
    let encrypted: Buffer;
    try {
      encrypted = this.cipher.encrypt(secret);
    } catch (error) {
      return fail('password-encryption-failed', `The password could not be encrypted: ${(error as Error).message}`, 'password');
    }
    const written = writeFileDurably('password', this.path, encrypted, OWNER_ONLY_FILE_MODE);
    return written.ok ? written : { ok: false, error: { ...written.error, field: 'password' } };
  }

  get isSet(): boolean {
    return existsSync(this.path);
  }
}

/**
 * The browser shell has no OS keychain. It is a development tool, so it keeps the password
 * readable in its own data directory, owner-only; the Electron app never uses this.
 */
export const developmentOnlyPlainCipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (stored) => stored.toString('utf8'),
};

/** Where the password goes when the OS offers no real encryption: this session's memory, never the disk. */
export class SessionSecretStore {
  #secret: string | null = null;

  /** A password an earlier run wrote through that same non-encryption is readable by anyone, so it goes. */
  constructor(staleFile: string) {
    const removed = attemptWrite('password', () => rmSync(staleFile, { force: true }));
    if (!removed.ok) console.error(removed.error.message);
  }

  get(): string | null {
    return this.#secret;
  }

  set(secret: string | null): Result<null> {
    this.#secret = secret === '' ? null : secret;
    return ok(null);
  }

  get isSet(): boolean {
    return this.#secret !== null;
  }
}

/**
 * Secrets keyed by a name (a CalDAV source's id), each kept exactly as the SIP password is: its
 * own owner-only file, encrypted by the same cipher, or this session's memory where the OS
 * offers no real encryption.
 */
export class KeyedSecretStore {
  readonly #stores = new Map<string, SecretStore | SessionSecretStore>();

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly cipher: SecretCipher | 'session-only',
  ) {}

  get(key: string): string | null {
    return this.#storeOf(key).get();
  }

  set(key: string, secret: string | null): Result<null> {
    return this.#storeOf(key).set(secret);
  }

  #storeOf(key: string): SecretStore | SessionSecretStore {
    let store = this.#stores.get(key);
    if (!store) {
      const path = join(this.dir, `${this.prefix}${fileNameOf(key)}.bin`);
      store = this.cipher === 'session-only' ? new SessionSecretStore(path) : new SecretStore(path, this.cipher);
      this.#stores.set(key, store);
    }
    return store;
  }
}
