import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStore, developmentOnlyPlainCipher } from '../../../electron/services/secretStore';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';
import { BASE_PROFILE_ID } from '../../../src/core/profiles/defaults';

const newDir = useTempDirs();
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('secrets and recordings are owner-only on disk', () => {
  it('the password file is 0600, also when it replaces a file that was readable by others', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(app.services.invoke('account:set-password', { password: 'hemligt' }).ok).toBe(true);
    expect(modeOf(join(dir, 'sip-password.bin'))).toBe(0o600);

    writeFileSync(join(dir, 'other.bin'), 'första', { mode: 0o644 });
    expect(modeOf(join(dir, 'other.bin'))).toBe(0o644);
    const store = new SecretStore(join(dir, 'other.bin'), developmentOnlyPlainCipher);
    expect(store.set('andra').ok).toBe(true);
    expect(store.get()).toBe('andra');
    expect(modeOf(join(dir, 'other.bin'))).toBe(0o600);
  });

  it('a recording is 0600 in a 0700 directory, and an existing open recordings directory is closed to others', () => {
    const dir = newDir();
    mkdirSync(join(dir, 'recordings'), { mode: 0o755 });
    const app = openTestApp(dir);
    app.services.invoke('account:update', { addOns: { recording: true } });
    app.services.invoke('profile:update', {
      ...app.services.state.profiles.find((profile) => profile.id === BASE_PROFILE_ID)!,
      recordCalls: true,
    });
    const begun = app.services.invoke('recording:begin', { party: 'Bob', direction: 'outgoing', sampleRate: 16000 });
    expect(begun.ok).toBe(true);
    const [recording] = app.services.state.recordings.items;
    expect(modeOf(join(dir, 'recordings'))).toBe(0o700);
    expect(modeOf(join(dir, 'recordings', recording!.file))).toBe(0o600);
    expect(modeOf(join(dir, 'recordings', `${recording!.id}.json`))).toBe(0o600);
  });
});

describe('nothing a handler throws crosses the contract', () => {
  it('a password file that cannot be read (a directory in its place) gives request-failed, and the services go on', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    mkdirSync(join(dir, 'sip-password.bin'));
    const answer = app.services.invoke('account:sip-credentials', null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'request-failed', field: 'account:sip-credentials' } });
    expect(app.services.invoke('state:get', null).ok).toBe(true);
  });

  it('a non-string channel is refused by its type, without echoing it', () => {
    const app = openTestApp(newDir());
    expect(app.services.invoke(42, null)).toMatchObject({ ok: false, error: { code: 'unknown-channel', message: 'Unknown channel 42.' } });
    expect(
      app.services.invoke(
        {
          toString: () => {
            throw new Error('no');
          },
        },
        null,
      ),
    ).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});
