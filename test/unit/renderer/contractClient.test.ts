// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../src/core/errors';
import { errorText } from '../../../src/core/userErrors/errorText';
import { translate } from '../../../src/core/i18n/messages';
import type { AppState } from '../../../src/core/state/appState';
import { createContractClient } from '../../../src/renderer/contract/client';
import { softphoneStandIn } from './softphoneStandIn';

const STATE = { now: 1 } as unknown as AppState;

describe('the contract client', () => {
  it('hands a request to the bridge and passes its answer back', async () => {
    const standIn = softphoneStandIn(async () => ok({ engine: 'espeak-ng' }));
    const client = createContractClient(standIn.softphone, undefined);
    expect(await client.invoke('speech:status', null)).toEqual(ok({ engine: 'espeak-ng' }));
    expect(standIn.requests).toEqual([{ channel: 'speech:status', payload: null }]);
  });

  it('passes a refusal back as it came, code and field', async () => {
    const refusal = fail('invalid-payload', 'No such status', 'status');
    const client = createContractClient(softphoneStandIn(async () => refusal).softphone, undefined);
    expect(await client.invoke('ui:update', { sipTrace: true })).toEqual(refusal);
  });

  it('turns a rejected call (a closed connection) into a contract-unreachable failure naming the channel', async () => {
    const client = createContractClient(softphoneStandIn(async () => Promise.reject(new Error('socket closed'))).softphone, undefined);
    const result = await client.invoke('profile:delete', { profileId: 'lunch' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'contract-unreachable',
        message: 'The request profile:delete did not reach the app: socket closed',
        field: 'profile:delete',
      },
    });
  });

  it('turns a call that throws at once (a payload the bridge cannot send) into the same failure', async () => {
    const standIn = softphoneStandIn(() => {
      throw new TypeError('An object could not be cloned');
    });
    const result = await createContractClient(standIn.softphone, undefined).invoke('state:get', null);
    expect(result.ok ? null : result.error.code).toBe('contract-unreachable');
  });

  it('words that failure in Swedish and in English, with the channel', async () => {
    const client = createContractClient(softphoneStandIn(async () => Promise.reject(new Error('gone'))).softphone, undefined);
    const result = await client.invoke('state:get', null);
    if (result.ok) throw new Error('expected a failure');
    expect(errorText('sv', result.error)).toBe(translate('sv', 'contract.error.unreachable', { channel: 'state:get' }));
    expect(errorText('sv', result.error)).toContain('Begäran state:get nådde inte appen');
    expect(errorText('en', result.error)).toContain('The request state:get did not reach the app');
    expect(errorText('sv', result.error)).not.toContain('gone');
  });

  it('relays main events to a handler until it unsubscribes', () => {
    const standIn = softphoneStandIn(async () => ok(null));
    const client = createContractClient(standIn.softphone, undefined);
    const heard: unknown[] = [];
    const stopState = client.on('state:changed', (state) => heard.push(state));
    const stopDial = client.on('phone:dial', (target) => heard.push(target));
    const stopQuitting = client.on('app:quitting', (payload) => heard.push(['quitting', payload]));
    for (const listener of standIn.listeners.state) listener(STATE);
    for (const listener of standIn.listeners.dial) listener({ kind: 'number', e164: '+46812345601' });
    for (const listener of standIn.listeners.quitting) listener();
    expect(heard).toEqual([STATE, { kind: 'number', e164: '+46812345601' }, ['quitting', null]]);
    stopState();
    stopDial();
    stopQuitting();
    expect([standIn.listeners.state.size, standIn.listeners.dial.size, standIn.listeners.quitting.size]).toEqual([0, 0, 0]);
  });

  it('hands on a profile:activating that reads as a presence, and drops one that does not', () => {
    const standIn = softphoneStandIn(async () => ok(null));
    const client = createContractClient(standIn.softphone, undefined);
    const heard: unknown[] = [];
    const stop = client.on('profile:activating', (presence) => heard.push(presence));
    const presence = {
      profile: { id: 'meeting', name: 'Möte', number: 3, status: 'unavailable' },
      message: 'I rummet Ekorren',
      until: null,
    };
    const refusals: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => refusals.push(args.join(' '));
    try {
      for (const listener of standIn.listeners.profileActivating) {
        listener(presence);
        listener({ ...presence, profile: { ...presence.profile, status: 'sleeping' } });
        listener({ ...presence, extra: true });
        listener('Möte');
      }
    } finally {
      console.error = consoleError;
    }
    expect(heard).toEqual([presence]);
    expect(refusals).toHaveLength(3);
    stop();
    expect(standIn.listeners.profileActivating.size).toBe(0);
  });

  it('offers the debug requests only where the shell gives them, with the same failure on a closed connection', async () => {
    const standIn = softphoneStandIn(async (channel) => (channel === 'debug:resume' ? ok(STATE) : Promise.reject(new Error('closed'))));
    expect(createContractClient(standIn.softphone, undefined).debug).toBeNull();
    const debug = createContractClient(standIn.softphone, standIn.debug).debug;
    expect(await debug?.invoke('debug:resume', null)).toEqual(ok(STATE));
    const advanced = await debug?.invoke('debug:clock-advance', { ms: 60_000 });
    expect(advanced?.ok ? null : advanced?.error.code).toBe('contract-unreachable');
  });
});
