import { fail, ok, type Result } from '../../src/core/errors';
import { SettingsSchema, type Settings } from '../../src/core/settings/schema';
import { attemptWrite, removeTemporariesOf, WRITTEN, type WriteResult } from './durableFile';

/** What electron-store and conf both offer: a file path and an atomic whole-document write. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export class SettingsStore {
  #settings: Settings;
  /** Whether the first write (of a new, migrated or recovered file) reached the disk. */
  readonly initialWrite: WriteResult;

  constructor(
    private readonly backend: SettingsBackend,
    initial: Settings,
    writeInitial: boolean,
  ) {
    this.#settings = initial;
    this.initialWrite = writeInitial ? this.#write(initial) : WRITTEN;
  }

  get path(): string {
    return this.backend.path;
  }

  get(): Settings {
    return this.#settings;
  }

  /**
   * Refuses a document the schema would reject on the next start, so a bug cannot corrupt the
   * file. The settings in memory change only once the file has.
   */
  set(settings: Settings): Result<Settings> {
    const checked = SettingsSchema.safeParse(settings);
    if (!checked.success) {
      const [issue] = checked.error.issues;
      return fail(
        'settings-invalid',
        `The settings were refused at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`.slice(0, 300),
      );
    }
    // A save that changes nothing (the account form saved as it was) needs no disk.
    if (JSON.stringify(checked.data) === JSON.stringify(this.#settings)) return ok(this.#settings);
    const written = this.#write(checked.data);
    if (!written.ok) return written;
    this.#settings = checked.data;
    return ok(checked.data);
  }

  #write(settings: Settings): WriteResult {
    // conf and electron-store write through atomically too.
    const written = attemptWrite('settings', () => {
      this.backend.store = structuredClone(settings) as unknown as Record<string, unknown>;
    });
    if (!written.ok) removeTemporariesOf(this.backend.path);
    return written;
  }
}
