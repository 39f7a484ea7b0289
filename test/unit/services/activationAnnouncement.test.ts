import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfilePresence } from '../../../src/core/presence/profilePresence';
import { openTestApp, type TestApp } from '../../helpers/services';
import { failDisk, mountProblem, mountSmallDisk, type SmallDisk } from '../../helpers/smallDisk';

const activeInFile = (dataDir: string): string =>
  (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { active: { profileId: string } }).active.profileId;

/** Every announcement and state change in order, with the profile the settings file held at that moment. */
function record(app: TestApp, dataDir: string): string[] {
  const heard: string[] = [];
  app.services.profiles.activations.onPresence((presence) => heard.push(`announced ${presence.profile.id}, file ${activeInFile(dataDir)}`));
  app.services.onStateChanged((state) => heard.push(`state ${state.active.profileId}, file ${activeInFile(dataDir)}`));
  return heard;
}

const activate = (app: TestApp, profileId: string) =>
  app.services.invoke('profile:activate', { profileId, length: { kind: 'untilChanged' }, temporaryMessage: null });

describe('a profile chosen by hand is announced to the page before it is saved', () => {
  it('the announcement comes before the write, then the state with the saved profile', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'profiltelefon-announce-'));
    const app = openTestApp(dataDir);
    const heard = record(app, dataDir);

    expect(activate(app, 'meeting').ok).toBe(true);

    expect(heard).toEqual(['announced meeting, file available', 'state meeting, file meeting']);
  });

  it('announces what colleagues will see: the profile, its message and its end', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'profiltelefon-announce-'));
    const app = openTestApp(dataDir);
    const announced: ProfilePresence[] = [];
    app.services.profiles.activations.onPresence((presence) => announced.push(presence));
    const until = app.clock.now() + 45 * 60_000;

    const activated = app.services.invoke('profile:activate', {
      profileId: 'meeting',
      length: { kind: 'until', until },
      temporaryMessage: 'I rummet Ekorren',
    });

    expect(activated.ok).toBe(true);
    const meeting = app.services.state.profiles.find((profile) => profile.id === 'meeting')!;
    expect(announced).toEqual([
      {
        profile: { id: 'meeting', name: meeting.name, number: meeting.number, status: meeting.status },
        message: 'I rummet Ekorren',
        until,
      },
    ]);
  });

  it('a refused activation (no such profile) announces nothing and changes nothing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'profiltelefon-announce-'));
    const app = openTestApp(dataDir);
    const heard = record(app, dataDir);
    const state = app.services.state;

    expect(activate(app, 'no-such-profile')).toMatchObject({ ok: false });

    expect(heard).toEqual([]);
    expect(app.services.state).toEqual(state);
  });
});

let disk: SmallDisk | null = null;
afterEach(() => {
  disk?.unmount();
  disk = null;
});

describe.skipIf(mountProblem !== null)(
  mountProblem === null ? 'when the save is refused (a real full tmpfs)' : `when the save is refused: skipped, ${mountProblem}`,
  () => {
    it('the kept profile is announced after the decided one, and no state change claims the new one', () => {
      disk = mountSmallDisk();
      const app = openTestApp(disk.dir);
      expect(activate(app, 'meeting').ok).toBe(true);
      const heard = record(app, disk.dir);
      failDisk(disk, 'full');

      expect(activate(app, 'lunch')).toMatchObject({ ok: false, error: { code: 'settings-write-failed' } });

      expect(heard).toEqual(['announced lunch, file meeting', 'announced meeting, file meeting']);
      expect(app.services.state.active.profileId).toBe('meeting');
    });
  },
);
