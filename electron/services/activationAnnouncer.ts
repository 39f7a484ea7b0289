import type { Result } from '../../src/core/errors';
import { profilePresenceOf, type ProfilePresence } from '../../src/core/presence/profilePresence';
import type { Settings } from '../../src/core/settings/schema';
import { Listeners } from './listeners';

/**
 * Tells the page what colleagues are to see before a profile chosen by hand is saved: the save
 * waits for the disk (fsync), and the user's colleagues need not. A refused save is followed by
 * the presence that was kept, so the page takes back what it published.
 */
export class ActivationAnnouncer {
  readonly #listeners = new Listeners<ProfilePresence>('presence');

  onPresence(listener: (presence: ProfilePresence) => void): () => void {
    return this.#listeners.add(listener);
  }

  /** Announces `decided`, then runs `save`; when the save is refused, announces `kept()`, the settings that stayed. */
  announceThenSave(decided: Settings, save: () => Result<Settings>, kept: () => Settings): Result<Settings> {
    this.#listeners.tell(profilePresenceOf(decided));
    const saved = save();
    if (!saved.ok) this.#listeners.tell(profilePresenceOf(kept()));
    return saved;
  }

  dispose(): void {
    this.#listeners.clear();
  }
}
