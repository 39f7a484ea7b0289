import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureDirectory, writeFileDurably, type WriteResult } from './durableFile';

/**
 * Calendar files handed over by content (the browser shell's file input, where the page cannot
 * give a path): each is kept as a copy under the data directory, named by its content, and the
 * copy is the source's file. The same file chosen twice is the same copy, so it is refused as
 * already added.
 */
export class ManagedCalendarFiles {
  readonly #directory: string;

  constructor(dataDir: string) {
    this.#directory = join(dataDir, 'calendar-files');
  }

  pathFor(text: string): string {
    return join(this.#directory, `${createHash('sha256').update(text).digest('hex').slice(0, 32)}.ics`);
  }

  store(path: string, text: string): WriteResult {
    const directory = ensureDirectory('calendar-cache', this.#directory);
    return directory.ok ? writeFileDurably('calendar-cache', path, text) : directory;
  }

  /** A source's file is removed with the source only when it is one of these copies, never a file of the user's. */
  removeIfManaged(path: string): void {
    if (dirname(path) === this.#directory) rmSync(path, { force: true });
  }
}
