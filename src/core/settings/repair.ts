import type { z } from 'zod';
import { boundsCodeOf, withoutControlCharacters } from '../bounds';
import { issuePath } from '../describeInput';
import { defaultAutomationSettings } from '../automation/settings';
import { BASE_PROFILE_ID } from '../profiles/defaults';
import { DEFAULT_WORKING_HOURS } from '../time/workingHours';
import { SettingsSchema, type Settings } from './schema';

/**
 * An older version let values outside today's bounds into the settings file (a length of 9e15
 * minutes, a message with control characters). Such a file must neither stop the app nor cost
 * the user the rest of it: each bad value is put right or dropped on its own, and the fields are
 * named so the user can be told. Any other fault leaves the file unusable, as before.
 */
export type SettingsRepair =
  { kind: 'valid'; settings: Settings; repaired: string[] } | { kind: 'unusable'; issue: z.core.$ZodIssue | undefined };

type Path = readonly PropertyKey[];
type Container = Record<PropertyKey, unknown>;

/** Each value costs one round; a file cannot hold more bad values than this and still be worth repairing. */
const MAX_REPAIRS = 200;

export function repairSettings(document: Record<string, unknown>, now: number): SettingsRepair {
  const repaired: string[] = [];
  let current: Container = structuredClone(document);
  for (let round = 0; round <= MAX_REPAIRS; round++) {
    const parsed = SettingsSchema.safeParse(current);
    if (parsed.success) return { kind: 'valid', settings: parsed.data, repaired };
    const [issue] = parsed.error.issues;
    const next = issue && boundsCodeOf(issue) !== null ? repairAt(current, issue, now) : null;
    if (next === null) return { kind: 'unusable', issue };
    current = next;
    const field = issuePath(issue);
    if (!repaired.includes(field)) repaired.push(field);
  }
  return { kind: 'unusable', issue: undefined };
}

function repairAt(document: Container, issue: z.core.$ZodIssue, now: number): Container | null {
  const path = issue.path;
  const [section, index, field] = path;
  if (section === 'active') return { ...document, active: baseActivation(now) };
  if (section === 'workingHours') return { ...document, workingHours: DEFAULT_WORKING_HOURS };
  if (section === 'timeZone') return { ...document, timeZone: null };
  if (section === 'automation') return { ...document, automation: defaultAutomationSettings() };
  if (issue.code === 'custom' && typeof valueAt(document, path) === 'string') {
    return withValueAt(document, path, withoutControlCharacters(valueAt(document, path) as string));
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return withValueAt(document, path, (valueAt(document, path) as string).slice(0, Number(issue.maximum)));
  }
  if (section === 'account' && index === 'voicemail') return withValueAt(document, ['account', 'voicemail'], null);
  const droppable = DROPPABLE_LISTS.find((list) => list.every((key, at) => path[at] === key));
  if (droppable && typeof path[droppable.length] === 'number') return withoutItem(document, droppable, path[droppable.length] as number);
  if (section === 'profiles' && typeof index === 'number') {
    if (field === 'defaultLength') return withValueAt(document, ['profiles', index, 'defaultLength'], { kind: 'untilChanged' });
    return withoutProfile(document, index, now);
  }
  return null;
}

/** Lists whose items stand alone: one bad item is dropped, the rest stay. */
const DROPPABLE_LISTS: Path[] = [
  ['calendar', 'suppressed'],
  ['calendar', 'sources'],
  ['account', 'directory'],
];

function baseActivation(now: number): Settings['active'] {
  return { profileId: BASE_PROFILE_ID, since: now, until: null, temporaryMessage: null };
}

/** A profile other than the base profile can go; the base profile cannot, so such a file is unusable. */
function withoutProfile(document: Container, index: number, now: number): Container | null {
  const profiles = document.profiles as Container[];
  const dropped = profiles[index];
  if (!dropped || dropped.id === BASE_PROFILE_ID) return null;
  const next = withoutItem(document, ['profiles'], index);
  const active = document.active as Container | undefined;
  return active?.profileId === dropped.id ? { ...next, active: baseActivation(now) } : next;
}

function valueAt(document: unknown, path: Path): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Container)[key];
  }
  return value;
}

/** A copy of `document` with the value at `path` replaced; every step of the path must exist. */
function withValueAt(document: Container, path: Path, value: unknown): Container | null {
  const [head, ...rest] = path;
  if (head === undefined) return null;
  if (!Object.hasOwn(document, head)) return null;
  if (rest.length === 0) return cloneWith(document, head, value);
  const inner = document[head];
  if (typeof inner !== 'object' || inner === null) return null;
  const replaced = withValueAt(inner as Container, rest, value);
  return replaced === null ? null : cloneWith(document, head, replaced);
}

function cloneWith(container: Container, key: PropertyKey, value: unknown): Container {
  if (Array.isArray(container)) return container.map((item, at) => (at === key ? value : item)) as unknown as Container;
  return { ...container, [key]: value };
}

function withoutItem(document: Container, listPath: Path, index: number): Container | null {
  const list = valueAt(document, listPath);
  if (!Array.isArray(list)) return null;
  return withValueAt(
    document,
    listPath,
    list.filter((_, at) => at !== index),
  );
}
