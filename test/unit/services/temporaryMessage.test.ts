import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();

function activateLunch(app: ReturnType<typeof openTestApp>) {
  const result = app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
  expect(result.ok).toBe(true);
}

describe("the switcher's temporary message, for the profile active now", () => {
  it('applies to the active profile, keeps its end, and is saved', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    activateLunch(app);
    const before = app.services.state.active;
    expect(app.services.invoke('profile:set-message', { temporaryMessage: '  Hos kund i Kista ' }).ok).toBe(true);
    expect(app.services.state.active).toEqual({ ...before, temporaryMessage: 'Hos kund i Kista' });
    const saved = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(saved.active.temporaryMessage).toBe('Hos kund i Kista');
  });

  it('is gone when the profile changes', () => {
    const app = openTestApp(newDir());
    app.services.invoke('profile:set-message', { temporaryMessage: 'Hos kund' });
    expect(app.services.state.active.temporaryMessage).toBe('Hos kund');
    activateLunch(app);
    expect(app.services.state.active.temporaryMessage).toBeNull();
  });

  it('blank brings back the profile’s own message', () => {
    const app = openTestApp(newDir());
    app.services.invoke('profile:set-message', { temporaryMessage: 'Hos kund' });
    expect(app.services.invoke('profile:set-message', { temporaryMessage: '   ' }).ok).toBe(true);
    expect(app.services.state.active.temporaryMessage).toBeNull();
  });

  it('refuses a message over 200 characters, and a malformed payload, changing nothing', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    app.services.invoke('profile:set-message', { temporaryMessage: 'Hos kund' });
    const fileBefore = readFileSync(join(dir, 'settings.json'), 'utf8');
    const tooLong = app.services.invoke('profile:set-message', { temporaryMessage: 'x'.repeat(201) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'message-too-long', field: 'temporaryMessage' } });
    const malformed = app.services.invoke('profile:set-message', { temporaryMessage: 'Hej', profileId: 'lunch' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(app.services.invoke('profile:set-message', { temporaryMessage: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(fileBefore);
    expect(app.services.state.active.temporaryMessage).toBe('Hos kund');
  });
});
