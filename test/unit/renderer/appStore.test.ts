// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../src/core/errors';
import type { AppState } from '../../../src/core/state/appState';
import { softphoneStandIn } from './softphoneStandIn';

let answer: (channel: string) => Promise<Result<unknown>> = async () => ok(null);
const standIn = softphoneStandIn((channel) => answer(channel));
// The client wraps the bridge when its module loads, as in the app, where the shell sets it first.
window.softphone = standIn.softphone;
const { connectAppStore, useAppStore } = await import('../../../src/renderer/shared/appStore');

const state = (now: number) => ({ now }) as unknown as AppState;

beforeEach(() => {
  useAppStore.setState({ state: null, error: null, receivedAt: 0 });
  standIn.requests.length = 0;
});

describe('the app store', () => {
  it('takes the state main answers with and clears the last refusal', async () => {
    useAppStore.setState({ error: { code: 'name-empty', message: 'The name is empty' } });
    answer = async () => ok(state(5));
    expect(await useAppStore.getState().invoke('notice:dismiss', { noticeId: 'n1' })).toBe(true);
    expect(useAppStore.getState()).toMatchObject({ state: state(5), error: null });
    expect(useAppStore.getState().receivedAt).toBeGreaterThan(0);
    expect(standIn.requests).toEqual([{ channel: 'notice:dismiss', payload: { noticeId: 'n1' } }]);
  });

  it('keeps the state it had when main refuses, and shows the refusal', async () => {
    useAppStore.getState().receiveState(state(1));
    answer = async () => fail('profile-not-found', 'No such profile', 'profileId');
    expect(await useAppStore.getState().invoke('profile:delete', { profileId: 'gone' })).toBe(false);
    expect(useAppStore.getState()).toMatchObject({ state: state(1), error: { code: 'profile-not-found', field: 'profileId' } });
  });

  it('shows a request that never reached main as contract-unreachable, not as a thrown error', async () => {
    answer = () => Promise.reject(new Error('The browser shell closed the connection'));
    expect(await useAppStore.getState().invoke('state:get', null)).toBe(false);
    expect(useAppStore.getState().error).toMatchObject({ code: 'contract-unreachable', field: 'state:get' });
  });

  it('hands the refusal to one taker, and then has none', () => {
    useAppStore.setState({ error: { code: 'name-empty', message: 'The name is empty' } });
    expect(useAppStore.getState().takeError()).toEqual({ code: 'name-empty', message: 'The name is empty' });
    expect(useAppStore.getState().takeError()).toBeNull();
  });

  it('answers a debug request with false where the shell gives no debug requests', async () => {
    expect(await useAppStore.getState().invokeDebug('debug:resume', null)).toBe(false);
    expect(standIn.requests).toEqual([]);
  });

  it('asks for the state once connected, follows main until disconnected', async () => {
    answer = async () => ok(state(10));
    const disconnect = connectAppStore();
    await expect.poll(() => useAppStore.getState().state).toEqual(state(10));
    expect(standIn.requests.map((request) => request.channel)).toEqual(['state:get']);
    for (const listener of standIn.listeners.state) listener(state(11));
    expect(useAppStore.getState().state).toEqual(state(11));
    disconnect();
    expect(standIn.listeners.state.size).toBe(0);
  });
});
