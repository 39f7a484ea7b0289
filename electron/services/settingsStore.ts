import { SettingsSchema, type Settings } from '../../src/core/settings/schema';

/** What electron-store and conf both offer: a file path and an atomic whole-document write. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export class SettingsStore {
  #settings: Settings;

  constructor(
    private readonly backend: SettingsBackend,
    initial: Settings,
    writeInitial: boolean,
  ) {
    this.#settings = initial;
    if (writeInitial) this.#write(initial);
  }

  get path(): string {
    return this.backend.path;
  }

  get(): Settings {
    return this.#settings;
  }

  /** Refuses a document the schema would reject on the next start, so a bug cannot corrupt the file. */
  set(settings: Settings): void {
    const checked = SettingsSchema.parse(settings);
    this.#write(checked);
    this.#settings = checked;
  }

  #write(settings: Settings): void {
    this.backend.store = structuredClone(settings) as unknown as Record<string, unknown>;
  }
}
