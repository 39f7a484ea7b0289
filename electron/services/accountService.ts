import { applyAccountPatch, type AccountPatch } from '../../src/core/account/patch';
import { applyProvisioning, parseProvisioning } from '../../src/core/account/provisioning';
import { ok, type Result } from '../../src/core/errors';
import type { Settings } from '../../src/core/settings/schema';
import type { ProfileService } from './profileService';
import { readProvisioningFile } from './provisioningFile';
import type { SecretStore, SessionSecretStore } from './secretStore';

/** The SIP account: its settings, its password, and provisioning, which sets both at once. */
export class AccountService {
  constructor(
    private readonly profiles: ProfileService,
    private readonly password: SecretStore | SessionSecretStore,
    private readonly changed: () => void,
  ) {}

  get passwordSet(): boolean {
    return this.password.isSet;
  }

  storedPassword(): string | null {
    return this.password.get();
  }

  update(patch: AccountPatch): Result<Settings> {
    const settings = this.profiles.settings;
    const account = applyAccountPatch(settings.account, patch);
    return account.ok ? this.profiles.apply(ok({ ...settings, account: account.value })) : account;
  }

  setPassword(password: string): Result<null> {
    const stored = this.password.set(password);
    if (!stored.ok) return stored;
    this.changed();
    return ok(null);
  }

  /** Applies a provisioning file whole, or not at all. */
  importProvisioning(text: string): Result<null> {
    const parsed = parseProvisioning(text);
    if (!parsed.ok) return parsed;
    const before = this.profiles.settings;
    const provisioned = applyProvisioning(before, parsed.value);
    if (!provisioned.ok) return provisioned;
    const saved = this.profiles.apply(ok(provisioned.value.settings));
    if (!saved.ok) return saved;
    if (provisioned.value.password !== undefined) {
      const stored = this.password.set(provisioned.value.password);
      if (!stored.ok) {
        // Whole or not at all: the settings go back to what they were, if the disk lets them.
        this.profiles.apply(ok(before));
        return stored;
      }
    }
    this.changed();
    return ok(null);
  }

  /** A provisioning file named by its path (`--provision`, the file dialog), applied whole or not at all. */
  importProvisioningFile(path: string): Result<null> {
    const text = readProvisioningFile(path);
    return text.ok ? this.importProvisioning(text.value) : text;
  }
}
