import { existsSync, readFileSync, renameSync } from 'node:fs';
import { issuePath } from '../../src/core/describeInput';
import { migrateSettings } from '../../src/core/settings/migrations';
import { repairSettings } from '../../src/core/settings/repair';
import { defaultSettings, type Settings } from '../../src/core/settings/schema';
import type { Notice } from '../../src/core/state/appState';
import { MAX_NESTING_DEPTH, nestedTooDeep } from '../../src/core/nesting';

export interface LoadedSettings {
  settings: Settings;
  /** Set when the file could not be used and was moved aside, or had bad values put right; the user must be told. */
  recovered: Notice | null;
  /** True when the file on disk needs writing: new, migrated or recovered. */
  needsWrite: boolean;
}

type Reading =
  { kind: 'missing' } | { kind: 'valid'; settings: Settings; migrated: boolean; repaired: string[] } | { kind: 'unusable'; reason: string };

function readSettingsFile(path: string, now: number): Reading {
  if (!existsSync(path)) return { kind: 'missing' };
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { kind: 'unusable', reason: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { kind: 'unusable', reason: 'the file does not hold a settings object' };
  }
  if (nestedTooDeep(document)) return { kind: 'unusable', reason: `values nested deeper than ${MAX_NESTING_DEPTH} levels` };
  const migration = migrateSettings(document as Record<string, unknown>);
  if (migration.kind === 'unsupported') return { kind: 'unusable', reason: migration.reason };
  const repair = repairSettings(migration.document, now);
  if (repair.kind === 'unusable') {
    const where = repair.issue ? issuePath(repair.issue) : '(root)';
    return { kind: 'unusable', reason: `schema violation at ${where}: ${repair.issue?.message ?? 'too many bad values'}` };
  }
  return { kind: 'valid', settings: repair.settings, migrated: migration.kind === 'migrated', repaired: repair.repaired };
}

export function backupPathFor(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return path.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
}

/**
 * Reads the settings file. A file that cannot be used is moved aside with a timestamp, never
 * overwritten, and defaults take its place.
 */
export function loadSettingsFile(path: string, now: number): LoadedSettings {
  const reading = readSettingsFile(path, now);
  switch (reading.kind) {
    case 'missing':
      return { settings: defaultSettings(now), recovered: null, needsWrite: true };
    case 'valid': {
      const repaired = reading.repaired.length > 0;
      const recovered: Notice | null = repaired
        ? { id: `settings-repaired-${now}`, kind: 'settings-repaired', fields: reading.repaired }
        : null;
      return { settings: reading.settings, recovered, needsWrite: reading.migrated || repaired };
    }
    case 'unusable': {
      const backupPath = backupPathFor(path, now);
      try {
        renameSync(path, backupPath);
      } catch (error) {
        // Not moved aside, so not overwritten either: the defaults run in memory only.
        const reason = `${reading.reason}; the file could not be moved aside (${(error as Error).message}) and was left as it is`;
        return {
          settings: defaultSettings(now),
          recovered: { id: `settings-recovered-${now}`, kind: 'settings-recovered', backupPath: path, reason },
          needsWrite: false,
        };
      }
      return {
        settings: defaultSettings(now),
        recovered: { id: `settings-recovered-${now}`, kind: 'settings-recovered', backupPath, reason: reading.reason },
        needsWrite: true,
      };
    }
  }
}
