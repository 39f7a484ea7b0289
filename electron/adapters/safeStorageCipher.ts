import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/secretStore';

/**
 * Whether safeStorage really encrypts. On Linux without a keyring it falls back to `basic_text`,
 * whose key is the same hard-coded string on every machine: that is obfuscation, not encryption.
 */
export function isRealEncryption(platform: NodeJS.Platform, available: boolean, linuxBackend: string | null): boolean {
  if (!available) return false;
  return platform !== 'linux' || (linuxBackend !== 'basic_text' && linuxBackend !== 'unknown');
}

/** Encrypts with the OS keychain (Keychain, DPAPI, libsecret, KWallet). */
export const safeStorageCipher: SecretCipher = {
  encrypt(plain) {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS keychain is not available, so the password cannot be stored safely.');
    return safeStorage.encryptString(plain);
  },
  decrypt: (stored) => safeStorage.decryptString(stored),
};

/** The keychain cipher where it truly encrypts, otherwise the password is kept for this session only. Call once the app is ready. */
export function chooseSecretCipher(): SecretCipher | 'session-only' {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  return isRealEncryption(process.platform, safeStorage.isEncryptionAvailable(), backend) ? safeStorageCipher : 'session-only';
}
