import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Turns a secret into bytes for the disk and back. Electron uses the OS keychain (safeStorage). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(stored: Buffer): string;
}

/** The SIP password, kept apart from the settings file. */
export class SecretStore {
  constructor(
    private readonly path: string,
    private readonly cipher: SecretCipher,
  ) {}

  get(): string | null {
    if (!existsSync(this.path)) return null;
    return this.cipher.decrypt(readFileSync(this.path));
  }

  set(secret: string | null): void {
    if (secret === null || secret === '') {
      rmSync(this.path, { force: true });
      return;
    }
    writeFileSync(this.path, this.cipher.encrypt(secret), { mode: 0o600 });
    chmodSync(this.path, 0o600);
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
    rmSync(staleFile, { force: true });
  }

  get(): string | null {
    return this.#secret;
  }

  set(secret: string | null): void {
    this.#secret = secret === '' ? null : secret;
  }

  get isSet(): boolean {
    return this.#secret !== null;
  }
}
