import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../src/core/state/appState';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();

function deeplyNested(depth: number): unknown {
  let value: unknown = [];
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe('IPC payloads are checked before any handler runs', () => {
  const cases: [string, unknown, unknown, string][] = [
    ['an unknown channel', 'profile:explode', {}, 'unknown-channel'],
    ['a missing payload', 'profile:activate', undefined, 'invalid-payload'],
    ['a wrong type', 'profile:activate', { profileId: 42, length: { kind: 'default' }, temporaryMessage: null }, 'invalid-payload'],
    [
      'an unknown length kind',
      'profile:activate',
      { profileId: 'lunch', length: { kind: 'forever' }, temporaryMessage: null },
      'invalid-payload',
    ],
    ['an extra field', 'profile:delete', { profileId: 'lunch', force: true }, 'invalid-payload'],
    ['a prototype-polluting key', 'ui:update', JSON.parse('{"__proto__": {"polluted": true}, "language": "xx"}'), 'invalid-payload'],
    ['a non-object', 'notice:dismiss', 'all', 'invalid-payload'],
    [
      'a value nested 100,000 deep under a length key',
      'calendar:skip',
      { key: { length: deeplyNested(100_000) }, skipped: true },
      'invalid-payload',
    ],
  ];

  for (const [what, channel, payload, code] of cases) {
    it(`refuses ${what} and changes nothing`, () => {
      const dir = newDir();
      const app = openTestApp(dir);
      const before = readFileSync(join(dir, 'settings.json'), 'utf8');
      const result = app.services.invoke(channel, payload);
      expect(result.ok ? null : result.error.code).toBe(code);
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('names the channel, the field and the problem', () => {
    const app = openTestApp(newDir());
    const result = app.services.invoke('profile:activate', {
      profileId: 'lunch',
      length: { kind: 'minutes', minutes: 'ten' },
      temporaryMessage: null,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-payload',
        field: 'length.minutes',
        message: 'Invalid payload for "profile:activate": length.minutes: Invalid input: expected number, received string',
      },
    });
  });

  it('answers a good payload with the new state', () => {
    const app = openTestApp(newDir());
    const result = app.services.invoke('ui:update', { showProfileNumbers: true });
    expect(result.ok && (result.value as AppState).ui.showProfileNumbers).toBe(true);
  });
});
