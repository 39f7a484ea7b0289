import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.services.dispose();
});

function open(holding: boolean): TestApp {
  const app = openTestApp(newDir());
  apps.push(app);
  expect(app.services.invoke('ui:update', { holdNotificationsInCall: holding }).ok).toBe(true);
  return app;
}

const notify = (app: TestApp, kind: 'chat' | 'sms' | 'incomingCall', title: string, body = '') =>
  app.services.invoke('notification:request', { kind, title, body });

describe('notifications during a call, through the services', () => {
  it('holds chat and SMS while the renderer reports a call, shows them after it, and leaves the profile alone', () => {
    const app = open(true);
    expect(app.services.invoke('phone:in-call', { inCall: true }).ok).toBe(true);
    expect(notify(app, 'chat', 'Chatt från Carol', 'Lunch?')).toEqual({ ok: true, value: { shown: false } });
    expect(notify(app, 'sms', 'SMS från 070-111 00 03', 'Ring mig')).toEqual({ ok: true, value: { shown: false } });
    expect(notify(app, 'chat', 'Chatt från Alice', 'Hej')).toEqual({ ok: true, value: { shown: false } });
    expect(notify(app, 'incomingCall', 'Inkommande samtal')).toEqual({ ok: true, value: { shown: true } });
    expect(app.shown.map((record) => record.kind)).toEqual(['incomingCall']);

    expect(app.services.invoke('phone:in-call', { inCall: false }).ok).toBe(true);
    expect(app.shown.slice(1).map(({ kind, title, body }) => ({ kind, title, body }))).toEqual([
      { kind: 'chat', title: 'Chatt: 2 under samtalet', body: 'Chatt från Carol, Chatt från Alice' },
      { kind: 'sms', title: 'SMS från 070-111 00 03', body: 'Ring mig' },
    ]);
    expect(app.services.state.active.profileId).toBe('available');
    expect(app.services.invoke('phone:in-call', { inCall: false }).ok).toBe(true);
    expect(app.shown).toHaveLength(3);
  });

  it('shows notifications at once with the setting off, the default', () => {
    const app = openTestApp(newDir());
    apps.push(app);
    expect(app.services.state.ui.holdNotificationsInCall).toBe(false);
    app.services.invoke('phone:in-call', { inCall: true });
    expect(notify(app, 'chat', 'Chatt från Carol', 'Lunch?')).toEqual({ ok: true, value: { shown: true } });
  });

  it('summarises in English when the UI is in English', () => {
    const app = open(true);
    app.services.invoke('ui:update', { language: 'en' });
    app.services.invoke('phone:in-call', { inCall: true });
    notify(app, 'chat', 'Chat from Carol');
    notify(app, 'chat', 'Chat from Carol');
    app.services.invoke('phone:in-call', { inCall: false });
    expect(app.shown.map(({ title, body }) => [title, body])).toEqual([['Chat: 2 during the call', 'Chat from Carol']]);
  });

  it('refuses a bad in-call report and holds nothing because of it', () => {
    const app = open(true);
    expect(app.services.invoke('phone:in-call', { inCall: 'yes' })).toMatchObject({ ok: false });
    expect(app.services.invoke('phone:in-call', {})).toMatchObject({ ok: false });
    expect(notify(app, 'chat', 'Chatt från Carol')).toEqual({ ok: true, value: { shown: true } });
  });
});
