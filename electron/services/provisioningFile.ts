import { readFileSync, statSync } from 'node:fs';
import { MAX_PROVISIONING_CHARACTERS } from '../../src/core/account/model';
import { fail, ok, type Result } from '../../src/core/errors';

/** A provisioning file's text, from `--provision` or the OS file dialog; a file that cannot be read says why. */
export function readProvisioningFile(path: string): Result<string> {
  try {
    if (!statSync(path).isFile()) return fail('provisioning-file-not-a-file', `${path} is not a file.`);
    // Four bytes a character at most: a larger file cannot be within the limit.
    if (statSync(path).size > MAX_PROVISIONING_CHARACTERS * 4)
      return fail('provisioning-file-too-large', `${path} is larger than a provisioning file can be.`);
    return ok(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('provisioning-file-not-found', `There is no file at ${path}.`);
    return fail('provisioning-file-unreadable', `${path} could not be read (${code ?? (error as Error).message}).`);
  }
}
