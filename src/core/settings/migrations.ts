import { emptyAccount } from '../account/model';
import { defaultCalendarSettings } from '../calendar/settings';
import { DEFAULT_REMINDER_MINUTES, SETTINGS_VERSION } from './schema';

/** Upgrades a stored document of version N to N + 1. The key is N. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Record<number, Migration> = {
  1: (document) => ({
    ...document,
    reminderBeforeEndMinutes: DEFAULT_REMINDER_MINUTES,
    account: { ...emptyAccount(), ...(document.account as object) },
    calendar: defaultCalendarSettings(),
  }),
  // "A colleague became available" joins the matrix; each profile starts with its chat flags, the
  // nearest kind: a profile quiet for chat on a platform is quiet for colleagues' news there too.
  2: (document) => ({
    ...document,
    profiles: Array.isArray(document.profiles) ? document.profiles.map(withColleagueAvailable) : document.profiles,
  }),
};

function withColleagueAvailable(profile: unknown): unknown {
  if (typeof profile !== 'object' || profile === null) return profile;
  const { notifications } = profile as { notifications?: unknown };
  if (typeof notifications !== 'object' || notifications === null) return profile;
  const { chat } = notifications as { chat?: unknown };
  return { ...profile, notifications: { ...notifications, colleagueAvailable: chat } };
}

export type MigrationOutcome =
  | { kind: 'current'; document: Record<string, unknown> }
  | { kind: 'migrated'; from: number; document: Record<string, unknown> }
  | { kind: 'unsupported'; reason: string };

/** Brings a parsed settings document up to `target`, one version at a time. */
export function migrateSettings(
  document: Record<string, unknown>,
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = SETTINGS_VERSION,
): MigrationOutcome {
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'unsupported', reason: 'schemaVersion is missing or not a positive whole number' };
  }
  if (version > target) {
    return { kind: 'unsupported', reason: `schemaVersion ${version} is newer than this app understands (${target})` };
  }
  let current = document;
  for (let step = version; step < target; step++) {
    const migrate = migrations[step];
    if (!migrate) return { kind: 'unsupported', reason: `no migration from schemaVersion ${step}` };
    current = { ...migrate(current), schemaVersion: step + 1 };
  }
  return version === target ? { kind: 'current', document: current } : { kind: 'migrated', from: version, document: current };
}
