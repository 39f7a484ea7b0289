import { describe, expect, it } from 'vitest';
import type { CallStatus } from '../../../src/core/phone/callView';
import { playToneFor, RecordingHook, toneFor } from '../../../src/renderer/phone/callMedia';
import type { RemoteParty } from '../../../src/core/phone/remoteParty';
import type { CallRecording } from '../../../src/renderer/phone/callRecorder';
import type { TrackedCall } from '../../../src/renderer/phone/trackedCall';
import type { PhoneContext } from '../../../src/renderer/phone/phoneEnvironment';
import type { LoopingTone } from '../../../src/renderer/phone/tones';
import { account, profile } from './fixtures';

describe('toneFor', () => {
  it.each<[CallStatus[], LoopingTone | null]>([
    [[], null],
    [['ringing'], 'ringtone'],
    [['active', 'ringing'], 'callWaiting'],
    [['dialing'], null],
    [['alerting'], 'ringback'],
    [['alerting', 'ringing'], 'ringtone'],
    [['active'], null],
    [['announcing'], null],
    [['announcing', 'ringing'], 'ringtone'],
  ])('calls %j play %s', (statuses, tone) => {
    expect(toneFor(statuses)).toBe(tone);
  });

  it('plays the tone, or stops the one playing when none is due', () => {
    const heard: string[] = [];
    const tones = { play: (tone: LoopingTone) => heard.push(tone), stop: () => heard.push('stop') };
    playToneFor(tones, ['alerting']);
    playToneFor(tones, ['active']);
    expect(heard).toEqual(['ringback', 'stop']);
  });
});

/** Only handed through to the recorder, which these tests replace. */
const CONNECTION = {} as RTCPeerConnection;
const BOB: RemoteParty = { number: '+46812345602', name: 'Bob', uri: 'sip:bob@127.0.0.1', anonymous: false };

function context(recordCalls: boolean, addOn: boolean): PhoneContext {
  return {
    profile: profile('available', { recordCalls }),
    account: account({ addOns: { recording: addOn, listenIn: false } }),
    until: null,
    now: 0,
    language: 'sv',
    timeZone: 'Europe/Stockholm',
  };
}

function newCall(): Pick<TrackedCall, 'recording' | 'remote' | 'direction'> {
  return { recording: null, remote: BOB, direction: 'outgoing' };
}

/** A recorder that notes each start, and each stop with the call it is linked to. */
function hookWith(failure: Error | null = null) {
  const started: RTCPeerConnection[] = [];
  const stopped: (string | null)[] = [];
  const hook = new RecordingHook((connection): CallRecording => {
    if (failure) throw failure;
    started.push(connection);
    return {
      stop: (callId) => {
        stopped.push(callId);
        return Promise.resolve();
      },
    };
  });
  return { hook, started, stopped };
}

describe('RecordingHook', () => {
  it('records a connected call when the profile records and the account has the add-on, and closes it at the end', async () => {
    const { hook, started, stopped } = hookWith();
    const call = newCall();
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(true);
    expect(started).toEqual([CONNECTION]);

    const finishing = hook.finish(call, 'call-1');
    expect(call.recording).toBeNull();
    await finishing;
    expect(stopped).toEqual(['call-1']);
  });

  it.each([
    ['the profile does not record', context(false, true)],
    ['the account lacks the add-on', context(true, false)],
    ['the app has no settings yet', null],
  ])('records nothing when %s', (_, situation) => {
    const { hook, started } = hookWith();
    const call = newCall();
    expect(hook.begin(call, CONNECTION, situation)).toBe(false);
    expect(started).toEqual([]);
    expect(call.recording).toBeNull();
  });

  it('records nothing without a connection, and starts no second recording of a call', () => {
    const { hook, started } = hookWith();
    const call = newCall();
    expect(hook.begin(call, null, context(true, true))).toBe(false);
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(true);
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(false);
    expect(started).toHaveLength(1);
  });

  it('keeps the call going unrecorded when the recorder fails to start', async () => {
    const { hook, stopped } = hookWith(new Error('AudioWorklet is not supported'));
    const call = newCall();
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(false);
    await hook.finish(call, 'call-1');
    expect(stopped).toEqual([]);
  });

  it('follows a profile change during the call: stops on one that does not record, starts again on one that does', () => {
    const { hook, started, stopped } = hookWith();
    const call = newCall();
    expect(hook.follow(call, CONNECTION, context(true, true))).toBe('started');
    expect(hook.follow(call, CONNECTION, context(true, true))).toBeNull();
    expect(hook.follow(call, CONNECTION, context(false, true))).toBe('stopped');
    expect(call.recording).toBeNull();
    // The stopped recording belongs to no history entry yet: the call goes on.
    expect(stopped).toEqual([null]);
    expect(hook.follow(call, CONNECTION, context(false, true))).toBeNull();
    expect(hook.follow(call, CONNECTION, context(true, true))).toBe('started');
    expect(started).toHaveLength(2);
  });
});
