// @vitest-environment happy-dom
// The Profiler view's temporary message field across activations: a profile clicked just before
// the user types lands while they type, and must neither drop their text nor keep an old message.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src/core/errors';
import type { AppState } from '../../../src/core/state/appState';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';
import { softphoneStandIn } from './softphoneStandIn';

const standIn = softphoneStandIn(async (channel, payload) => {
  const state = useAppStore.getState().state!;
  if (channel !== 'profile:set-message') return ok(state);
  const { temporaryMessage } = payload as { temporaryMessage: string | null };
  return ok({ ...state, active: { ...state.active, temporaryMessage } });
});
window.softphone = standIn.softphone;
const { useAppStore } = await import('../../../src/renderer/shared/appStore');
const { ProfileList } = await import('../../../src/renderer/switcher/ProfileList');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const newDir = useTempDirs();
let shipped: AppState;
let root: Root;
let container: HTMLElement;

const field = () => container.querySelector<HTMLInputElement>('.temporary-message input')!;
const outcome = () => container.querySelector('.temporary-message p')!.textContent;

/** Types as a user does: React sees the change through the input event, not the value property. */
async function type(text: string): Promise<void> {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(field(), text);
    field().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function pressEnter(): Promise<void> {
  await act(async () => field().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
}

/** The state main sends when a profile has been activated at `since`. */
async function activationLands(profileId: string, since: number, temporaryMessage: string | null = null): Promise<void> {
  await act(async () => useAppStore.getState().receiveState({ ...shipped, active: { profileId, since, until: null, temporaryMessage } }));
}

beforeEach(async () => {
  shipped = structuredClone(openTestApp(newDir()).services.state);
  useAppStore.getState().receiveState(shipped);
  standIn.requests.length = 0;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(ProfileList)));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('the temporary message field', () => {
  it('keeps text typed while a new activation lands, and Enter applies it to that activation', async () => {
    await type('Hos kund i Kista');
    await activationLands('meeting', shipped.active.since + 1_000);
    expect(field().value).toBe('Hos kund i Kista');

    await pressEnter();
    expect(standIn.requests).toContainEqual({ channel: 'profile:set-message', payload: { temporaryMessage: 'Hos kund i Kista' } });
    expect(useAppStore.getState().state!.active).toMatchObject({ profileId: 'meeting', temporaryMessage: 'Hos kund i Kista' });
  });

  it('left untouched, follows the new activation: an applied message and its outcome are gone', async () => {
    await type('Hos kund i Kista');
    await pressEnter();
    expect(outcome()).not.toBe('');

    await activationLands('lunch', shipped.active.since + 1_000);
    expect(field().value).toBe('');
    expect(outcome()).toBe('');
    await activationLands('meeting', shipped.active.since + 2_000, 'Från kalendern');
    expect(field().value).toBe('Från kalendern');
  });

  it('does not reset for a state that keeps the same activation', async () => {
    await type('Hos kund');
    await act(async () => useAppStore.getState().receiveState({ ...shipped, now: shipped.now + 1_000 }));
    expect(field().value).toBe('Hos kund');
  });
});
