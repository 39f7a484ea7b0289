import type { Result } from '../../src/core/errors';
import { profilePresenceOf, type ProfilePresence } from '../../src/core/presence/profilePresence';
import type { Settings } from '../../src/core/settings/schema';

/**
 * Tells the page what colleagues are to see before a profile chosen by hand is saved: the save
 * waits for the disk (fsync), and the user's colleagues need not. A refused save is followed by
 * the presence that was kept, so the page takes back what it published.
 */
export class ActivationAnnouncer {
  readonly #listeners = new Set<(presence: ProfilePresence) => void>();

  onPresence(listener: (presence: ProfilePresence) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Announces `decided`, then runs `save`; when the save is refused, announces `kept()`, the settings that stayed. */
  announceThenSave(decided: Settings, save: () => Result<Settings>, kept: () => Settings): Result<Settings> {
    this.#announce(decided);
    const saved = save();
    if (!saved.ok) this.#announce(kept());
    return saved;
  }

  dispose(): void {
    this.#listeners.clear();
  }

  /** A listener that throws (a closed window, a socket gone) keeps the others and the save from hearing of it. */
  #announce(settings: Settings): void {
    const presence = profilePresenceOf(settings);
    for (const listener of this.#listeners) {
      try {
        listener(presence);
      } catch (error) {
        console.error('A presence listener failed:', error);
      }
    }
  }
}
