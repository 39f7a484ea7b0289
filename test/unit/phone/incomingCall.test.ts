import { parseMessage } from 'jssip/lib/Parser';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/core/errors';
import type { ResolvedTarget } from '../../../src/core/phone/dialTarget';
import type { Profile } from '../../../src/core/profiles/model';
import { calledLineOf, callerOf, handleIncoming, type IncomingCallPorts } from '../../../src/renderer/phone/incomingCall';
import type { PhoneContext } from '../../../src/renderer/phone/phoneEnvironment';
import type { Announcement, TrackedCall } from '../../../src/renderer/phone/trackedCall';
import { account, profile } from './fixtures';

// 2025-03-10 12:00 in Stockholm (CET, UTC+1)
const NOW = Date.UTC(2025, 2, 10, 11, 0);
const VOICEMAIL: ResolvedTarget = { uri: 'sip:+46812345699@example.se', number: '+46812345699' };

function context(active: Profile): PhoneContext {
  return { profile: active, account: account(), until: NOW + 3_600_000, now: NOW, language: 'sv', timeZone: 'Europe/Stockholm' };
}

/** Records what the handler asks of the call; timers run only when the test says so. */
function recordingPorts() {
  const call: Pick<TrackedCall, 'status' | 'phoneAction'> = { status: 'ringing', phoneAction: null };
  const done: string[] = [];
  const timers: { ms: number; action: () => void }[] = [];
  const announced: Announcement[] = [];
  const problems: AppError[][] = [];
  const ports: IncomingCallPorts = {
    call,
    refuse: (statusCode) => done.push(`refuse ${statusCode}`),
    redirect: (target: ResolvedTarget) => done.push(`redirect ${target.uri}`),
    announce: (announcement) => {
      announced.push(announcement);
      done.push('announce');
    },
    ring: (callWaiting) => done.push(callWaiting ? 'ring softly' : 'ring'),
    later: (ms, action) => timers.push({ ms, action }),
    problems: (found) => problems.push(found),
  };
  return { ports, call, done, timers, announced, problems };
}

describe('handleIncoming', () => {
  it('answers 480 before the app has its settings, and reports nothing', () => {
    const { ports, call, done, timers, problems } = recordingPorts();
    handleIncoming(null, { busy: false, caller: [], line: 'own' }, ports);
    expect(done).toEqual(['refuse 480']);
    expect(call.phoneAction).toBeNull();
    expect(timers).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('rings on Tillgänglig and forwards to voicemail with a 302 when nobody answers in 25 s', () => {
    const { ports, call, done, timers, problems } = recordingPorts();
    handleIncoming(context(profile('available')), { busy: false, caller: [], line: 'own' }, ports);
    expect(done).toEqual(['ring']);
    expect(problems).toEqual([[]]);
    expect(timers.map((timer) => timer.ms)).toEqual([25_000]);

    timers[0]!.action();
    expect(done).toEqual(['ring', `redirect ${VOICEMAIL.uri}`]);
    expect(call.phoneAction).toBe('forwarded-no-answer');
  });

  it('leaves a call the user answered in time alone when the no-answer time comes', () => {
    const { ports, call, done, timers } = recordingPorts();
    handleIncoming(context(profile('available')), { busy: false, caller: [], line: 'own' }, ports);
    call.status = 'active';
    timers[0]!.action();
    expect(done).toEqual(['ring']);
    expect(call.phoneAction).toBeNull();
  });

  it('rings softly while the user is in another call', () => {
    const { ports, done } = recordingPorts();
    handleIncoming(context(profile('available')), { busy: true, caller: [], line: 'own' }, ports);
    expect(done).toEqual(['ring softly']);
  });

  it('answers Möte with its announcement, which passes the caller on to voicemail', () => {
    const { ports, call, done, announced, timers } = recordingPorts();
    handleIncoming(context(profile('meeting')), { busy: false, caller: [], line: 'own' }, ports);
    expect(done).toEqual(['announce']);
    expect(call.phoneAction).toBe('announced');
    expect(announced).toEqual([
      expect.objectContaining({ text: 'Jag sitter i möte till 13:00.', language: 'sv', then: { kind: 'transfer', target: VOICEMAIL } }),
    ]);
    expect(timers).toEqual([]);
  });

  it('turns a call away as busy (486) when the profile says so', () => {
    const { ports, call, done } = recordingPorts();
    const busy = profile('available', { incoming: { action: { kind: 'busy' }, noAnswer: null, whenBusy: { kind: 'busy' }, byLine: {} } });
    handleIncoming(context(busy), { busy: false, caller: [], line: 'own' }, ports);
    expect(done).toEqual(['refuse 486']);
    expect(call.phoneAction).toBe('rejected-busy');
  });

  it('forwards with a 302 on Tillfälligt ute, and rings when the account lacks the mobile number, saying why', () => {
    const forwarded = recordingPorts();
    handleIncoming(context(profile('temporarily-out')), { busy: false, caller: [], line: 'own' }, forwarded.ports);
    expect(forwarded.done).toEqual(['redirect sip:+46701110001@example.se']);
    expect(forwarded.call.phoneAction).toBe('forwarded');

    const noMobile = recordingPorts();
    handleIncoming(
      {
        ...context(profile('temporarily-out')),
        account: account({ numbers: { landline: '+46812345601', mobile: null, switchboard: null } }),
      },
      { busy: false, caller: [], line: 'own' },
      noMobile.ports,
    );
    expect(noMobile.done[0]).toBe('ring');
    expect(noMobile.call.phoneAction).toBeNull();
    expect(noMobile.problems).toHaveLength(1);
    expect(noMobile.problems[0]!.length).toBeGreaterThan(0);
  });
});

/** A raw INVITE as the PBX delivers it, parsed by JsSIP's own parser. */
function invite(headers: string[], to = '<sip:+46812345602@127.0.0.1>'): IncomingRequest {
  const raw = [
    'INVITE sip:bob@127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/WSS 127.0.0.1;branch=z9hG4bK776asdhds',
    `To: ${to}`,
    'Call-ID: a84b4c76e66710',
    'CSeq: 1 INVITE',
    'Max-Forwards: 69',
    ...headers,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  const parsed = parseMessage(raw, null);
  if (!parsed || 'status_code' in parsed) throw new Error('not a request');
  return parsed;
}

describe('callerOf', () => {
  it('takes the number the PBX asserted over the From user', () => {
    const caller = callerOf(
      invite(['From: "Alice Andersson" <sip:alice@127.0.0.1>;tag=1928301774', 'P-Asserted-Identity: <sip:+46812345601@127.0.0.1>']),
    );
    expect(caller).toMatchObject({ number: '+46812345601', name: 'Alice Andersson', anonymous: false });
  });

  it('shows a caller who asked for privacy as anonymous, whatever else the INVITE names', () => {
    const caller = callerOf(
      invite([
        'From: "Alice Andersson" <sip:alice@127.0.0.1>;tag=1928301774',
        'P-Asserted-Identity: <sip:+46812345601@127.0.0.1>',
        'Privacy: id',
      ]),
    );
    expect(caller).toEqual({ number: null, name: '', uri: '', anonymous: true });
  });

  it('gives an unknown caller, not an error, for an INVITE without a From', () => {
    expect(callerOf({ hasHeader: () => false, getHeader: () => '', getHeaders: () => [] })).toEqual({
      number: null,
      name: '',
      uri: '',
      anonymous: false,
    });
  });
});

describe('calledLineOf', () => {
  const numbers = account().numbers;
  const from = 'From: <sip:carol@127.0.0.1>;tag=77';

  it('reads the number dialled from To as the PBX kept it', () => {
    expect(calledLineOf(invite([from], '<sip:+46812345601@127.0.0.1>'), numbers)).toBe('landline');
    expect(calledLineOf(invite([from], '<sip:+46701110001@127.0.0.1>'), numbers)).toBe('mobile');
    expect(calledLineOf(invite([from], '<sip:alice@127.0.0.1>'), numbers)).toBe('own');
  });

  it('reads every History-Info and Diversion header of a retargeted INVITE, the first target winning over To', () => {
    const historyInfo = ['History-Info: <sip:+46855500000@127.0.0.1>;index=1', 'History-Info: <sip:alice@127.0.0.1>;index=1.1;rc=1'];
    expect(calledLineOf(invite([from, ...historyInfo], '<sip:alice@127.0.0.1>'), numbers)).toBe('switchboard');
    const diversion = [
      'Diversion: <sip:+46701110001@127.0.0.1>;reason=no-answer;counter=1',
      'Diversion: <sip:+46812345601@127.0.0.1>;reason=unconditional;counter=1',
    ];
    expect(calledLineOf(invite([from, ...diversion], '<sip:alice@127.0.0.1>'), numbers)).toBe('landline');
  });

  it('gives the own-address rule to headers it cannot read', () => {
    expect(calledLineOf(invite([from, 'History-Info: <<garbage', 'Diversion: "'], '<sip:alice@127.0.0.1>'), numbers)).toBe('own');
    expect(calledLineOf({ hasHeader: () => false, getHeader: () => '', getHeaders: () => [] }, numbers)).toBe('own');
  });
});
