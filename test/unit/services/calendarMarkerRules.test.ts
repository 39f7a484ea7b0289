import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { icsCalendar } from '../../helpers/calendarApp';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const T = (hhmm: string) => new Date(`2026-04-15T${hhmm}:00+02:00`).getTime();

/** A private `[3]` meeting, a confidential one, a public `3:` one and an information-only one. */
const DAY = icsCalendar([
  { uid: 'doctor@day.test', summary: '[3] Läkarbesök', start: T('09:00'), end: T('10:00'), classification: 'PRIVATE' },
  { uid: 'hr@day.test', summary: '#3 Lönesamtal', start: T('10:00'), end: T('11:00'), classification: 'CONFIDENTIAL' },
  { uid: 'board@day.test', summary: '3: Styrelsemöte', start: T('13:00'), end: T('14:00'), classification: 'PUBLIC' },
  { uid: 'info@day.test', summary: '[i] #3 Flytten till nya kontoret', start: T('15:00'), end: T('16:00') },
]);

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.services.dispose();
});

async function openWithCalendar(dir: string): Promise<TestApp> {
  const path = join(dir, 'dag.ics');
  writeFileSync(path, DAY);
  const app = openTestApp(dir, new ManualClock(T('08:00')));
  apps.push(app);
  expect(app.services.invoke('calendar:add-source', { location: path }).ok).toBe(true);
  await app.services.calendar.whenIdle();
  return app;
}

const planned = (app: TestApp) =>
  app.services.state.calendar.upcoming.map((activation) => [activation.key.split('|')[0], activation.profileId]);

describe('the calendar’s marker rules, through the services', () => {
  it('by default plans private meetings and reads only #N and [N]', async () => {
    const app = await openWithCalendar(newDir());
    expect(app.services.state.calendar).toMatchObject({ shortFormMarkers: false, ignorePrivateEvents: false });
    expect(planned(app)).toEqual([
      ['doctor@day.test', 'meeting'],
      ['hr@day.test', 'meeting'],
      ['info@day.test', 'meeting'],
    ]);
  });

  it('ignores private and confidential meetings with that setting on, and switches nothing at their time', async () => {
    const app = await openWithCalendar(newDir());
    expect(app.services.invoke('calendar:set-marker-rules', { ignorePrivateEvents: true }).ok).toBe(true);
    expect(planned(app)).toEqual([['info@day.test', 'meeting']]);
    app.clock.advance(90 * 60_000);
    expect(app.services.state.active.profileId).toBe('available');
  });

  it('reads the leading code and the information mark with the short forms on', async () => {
    const app = await openWithCalendar(newDir());
    expect(app.services.invoke('calendar:set-marker-rules', { shortFormMarkers: true, ignorePrivateEvents: true }).ok).toBe(true);
    expect(planned(app)).toEqual([['board@day.test', 'meeting']]);
    app.clock.advance(5 * 60 * 60_000);
    expect(app.services.state.active).toMatchObject({ profileId: 'meeting', until: T('14:00') });
  });

  it('keeps the rules across a restart, and refuses a bad payload without changing them', async () => {
    const dir = newDir();
    const app = await openWithCalendar(dir);
    expect(app.services.invoke('calendar:set-marker-rules', { ignorePrivateEvents: true }).ok).toBe(true);
    const refused = app.services.invoke('calendar:set-marker-rules', { ignorePrivateEvents: 'ja' });
    expect(refused).toMatchObject({ ok: false });
    expect(app.services.invoke('calendar:set-marker-rules', { private: true })).toMatchObject({ ok: false });
    app.services.dispose();
    apps.splice(0);
    const reopened = openTestApp(dir, new ManualClock(T('08:00')));
    apps.push(reopened);
    expect(reopened.services.state.calendar).toMatchObject({ shortFormMarkers: false, ignorePrivateEvents: true });
  });
});
