// @vitest-environment happy-dom
// What the Telefon view renders again when a call starts: a call's setup runs on the page's one
// thread before its INVITE and ACK leave, so the history rows must stay as they are.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src/core/errors';
import { newCallView } from '../../../src/core/phone/callView';
import { formatCallStart } from '../../../src/core/phone/callTimes';
import { answeredCall, missedCall } from '../../helpers/historyEntry';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';
import { softphoneStandIn } from './softphoneStandIn';

// Every history row formats its start once per render: the calls counted are the rows rendered.
vi.mock('../../../src/core/phone/callTimes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/core/phone/callTimes')>();
  return { ...actual, formatCallStart: vi.fn(actual.formatCallStart) };
});
const rowsRendered = vi.mocked(formatCallStart);

const standIn = softphoneStandIn(async () => ok(null));
// The contract client wraps the bridge when its module loads, as in the app, where the shell sets it first.
window.softphone = standIn.softphone;
const { useAppStore } = await import('../../../src/renderer/shared/appStore');
const { addCall, dispatchCall, showPhoneError, usePhoneStore } = await import('../../../src/renderer/phone/phoneStore');
const { PhoneView } = await import('../../../src/renderer/phone/PhoneView');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HISTORY_LENGTH = 50;
const newDir = useTempDirs();
let app: TestApp;
let root: Root;
let container: HTMLElement;

/** The state as main sends it after every change: a fresh copy, with the history equal but not the same objects. */
function stateFromMain(): void {
  useAppStore.getState().receiveState(structuredClone(app.services.state));
}

const historyRows = () => container.querySelectorAll('[data-testid="call-history"] > li').length;

beforeEach(async () => {
  app = openTestApp(newDir());
  const start = app.clock.now() - HISTORY_LENGTH * 3_600_000;
  for (let index = 0; index < HISTORY_LENGTH; index++) {
    const at = start + index * 3_600_000;
    const entry = index % 3 === 0 ? missedCall(`h${index}`, at) : answeredCall(`h${index}`, at);
    expect(app.services.invoke('history:record', entry).ok).toBe(true);
  }
  usePhoneStore.setState({ calls: [], lastEnded: null, error: null, problems: [] });
  stateFromMain();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(PhoneView)));
  expect(historyRows()).toBe(HISTORY_LENGTH);
  expect(rowsRendered).toHaveBeenCalledTimes(HISTORY_LENGTH);
  rowsRendered.mockClear();
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('the Telefon view', () => {
  it('does not render history rows when a call starts, rings, is answered, or main sends a new state meanwhile', async () => {
    const remote = { number: '+46812345678', name: 'Bob', uri: 'sip:+46812345678@127.0.0.1', anonymous: false };
    const id = 'call-1';
    // What the call registry does to the store, step by step, from the click on Ring to the ACK.
    await act(async () => {
      addCall(
        newCallView({
          id,
          direction: 'outgoing',
          remote,
          status: 'dialing',
          startedAt: app.clock.now(),
          presented: null,
        }),
      );
      showPhoneError(null);
    });
    app.clock.advance(1_000);
    await act(async () => stateFromMain());
    await act(async () => dispatchCall({ kind: 'status', id, status: 'alerting' }));
    await act(async () => dispatchCall({ kind: 'status', id, status: 'active', answeredAt: app.clock.now() }));
    await act(async () => dispatchCall({ kind: 'setup', id, setup: { fromDialMs: 50, fromInviteMs: 40 } }));

    expect(container.querySelector('[data-testid="active-call"]')?.getAttribute('data-status')).toBe('active');
    expect(rowsRendered).not.toHaveBeenCalled();
  });

  it('renders only the new row when a call ends in the history', async () => {
    app.clock.advance(60_000);
    expect(app.services.invoke('history:record', answeredCall('new', app.clock.now() - 30_000)).ok).toBe(true);
    await act(async () => stateFromMain());

    expect(historyRows()).toBe(HISTORY_LENGTH);
    expect(rowsRendered).toHaveBeenCalledTimes(1);
  });
});
