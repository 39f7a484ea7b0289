import { describe, expect, it } from 'vitest';
import type { CallStatus } from '../../../src/core/phone/callView';
import { playToneFor, RecordingHook, toneFor } from '../../../src/renderer/phone/callMedia';
import type { CallRecording, FinishedRecording } from '../../../src/renderer/phone/callRecorder';
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

const FINISHED: FinishedRecording = { mimeType: 'audio/webm', startedAt: 1_741_604_400_000, dataBase64: 'GkXfow==' };
/** Only handed through to the recorder, which these tests replace. */
const CONNECTION = {} as RTCPeerConnection;

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

/** A recorder whose recordings stop with `result`, and the saves the hook hands on. */
function hookWith(result: FinishedRecording | null | Error) {
  const started: RTCPeerConnection[] = [];
  const saved: [string, FinishedRecording][] = [];
  const hook = new RecordingHook(
    (connection): CallRecording => {
      if (result instanceof Error) throw result;
      started.push(connection);
      return { stop: () => Promise.resolve(result) };
    },
    (callId, recording) => saved.push([callId, recording]),
  );
  return { hook, started, saved };
}

describe('RecordingHook', () => {
  it('records a connected call when the profile records and the account has the add-on, and saves it at the end', async () => {
    const { hook, started, saved } = hookWith(FINISHED);
    const call = { id: 'call-1', recording: null as CallRecording | null };
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(true);
    expect(started).toEqual([CONNECTION]);

    const finishing = hook.finish(call);
    expect(call.recording).toBeNull();
    await finishing;
    expect(saved).toEqual([['call-1', FINISHED]]);
  });

  it.each([
    ['the profile does not record', context(false, true)],
    ['the account lacks the add-on', context(true, false)],
    ['the app has no settings yet', null],
  ])('records nothing when %s', (_, situation) => {
    const { hook, started } = hookWith(FINISHED);
    const call = { id: 'call-1', recording: null };
    expect(hook.begin(call, CONNECTION, situation)).toBe(false);
    expect(started).toEqual([]);
    expect(call.recording).toBeNull();
  });

  it('records nothing without a connection, and starts no second recording of a call', () => {
    const { hook, started } = hookWith(FINISHED);
    const call = { id: 'call-1', recording: null as CallRecording | null };
    expect(hook.begin(call, null, context(true, true))).toBe(false);
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(true);
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(false);
    expect(started).toHaveLength(1);
  });

  it('keeps the call going unrecorded when the recorder fails to start', async () => {
    const { hook, saved } = hookWith(new Error('MediaRecorder is not supported'));
    const call = { id: 'call-1', recording: null };
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(false);
    await hook.finish(call);
    expect(saved).toEqual([]);
  });

  it('saves nothing when the recording caught nothing', async () => {
    const { hook, saved } = hookWith(null);
    const call = { id: 'call-1', recording: null as CallRecording | null };
    expect(hook.begin(call, CONNECTION, context(true, true))).toBe(true);
    await hook.finish(call);
    expect(saved).toEqual([]);
  });
});
