import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/secretStore';

/** Encrypts with the OS keychain (Keychain, DPAPI, libsecret); refuses to store a secret in the clear. */
export const safeStorageCipher: SecretCipher = {
  encrypt(plain) {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS keychain is not available, so the password cannot be stored safely.');
    return safeStorage.encryptString(plain);
  },
  decrypt: (stored) => safeStorage.decryptString(stored),
};
