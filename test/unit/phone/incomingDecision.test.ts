import { describe, expect, it } from 'vitest';
import { decideIncoming, type IncomingSituation } from '../../../src/core/phone/incomingDecision';
import { ringsOnEveryLine } from '../../../src/core/profiles/incomingSummary';
import type { Profile } from '../../../src/core/profiles/model';
import { account, profile } from './fixtures';

// 2025-03-10 12:00 in Stockholm (CET, UTC+1)
const NOW = Date.UTC(2025, 2, 10, 11, 0);

function situation(active: Profile, change: Partial<IncomingSituation> = {}): IncomingSituation {
  return {
    profile: active,
    account: account(),
    busy: false,
    caller: [],
    line: 'own',
    until: NOW + 3_600_000,
    now: NOW,
    timeZone: 'Europe/Stockholm',
    ...change,
  };
}

describe('decideIncoming', () => {
  it('rings on Tillgänglig, forwarding to voicemail after 25 s without answer', () => {
    expect(decideIncoming(situation(profile('available'), { until: null }))).toEqual({
      decision: {
        kind: 'ring',
        callWaiting: false,
        noAnswer: { afterMs: 25_000, target: { uri: 'sip:+46812345699@example.se', number: '+46812345699' } },
      },
      problems: [],
    });
  });

  it('answers Lunch with its announcement, ending at the profile’s end, then transfers to voicemail', () => {
    expect(decideIncoming(situation(profile('lunch')))).toEqual({
      decision: {
        kind: 'announce',
        text: 'Jag är på lunch till 13:00.',
        language: 'sv',
        durationMs: 4_000,
        then: { kind: 'transfer', target: { uri: 'sip:+46812345699@example.se', number: '+46812345699' } },
      },
      problems: [],
    });
  });

  it('announces in the account’s announcement language, the standard words included', () => {
    const english = account({ announcementLanguage: 'en' });
    expect(decideIncoming(situation(profile('meeting'), { account: english })).decision).toMatchObject({
      kind: 'announce',
      text: "I'm in a meeting until 1 pm.",
      language: 'en',
    });
  });

  it('forwards on Tillfälligt ute to the mobile number', () => {
    expect(decideIncoming(situation(profile('temporarily-out'))).decision).toEqual({
      kind: 'forward',
      target: { uri: 'sip:+46701110001@example.se', number: '+46701110001' },
    });
  });

  it('rejects as busy when the profile says so', () => {
    const busyProfile = profile('available', {
      incoming: { action: { kind: 'busy' }, noAnswer: null, whenBusy: { kind: 'busy' }, byLine: {} },
    });
    expect(decideIncoming(situation(busyProfile)).decision).toEqual({ kind: 'reject-busy' });
  });

  it('follows the when-busy setting during a call: call waiting, busy, or forward', () => {
    expect(decideIncoming(situation(profile('available'), { busy: true })).decision).toMatchObject({ kind: 'ring', callWaiting: true });
    const busy = profile('available', { incoming: { ...profile('available').incoming, whenBusy: { kind: 'busy' }, byLine: {} } });
    expect(decideIncoming(situation(busy, { busy: true })).decision).toEqual({ kind: 'reject-busy' });
    const forward = profile('available', {
      incoming: { ...profile('available').incoming, whenBusy: { kind: 'forward', target: { kind: 'number', number: '+46812345603' } } },
    });
    expect(decideIncoming(situation(forward, { busy: true })).decision).toEqual({
      kind: 'forward',
      target: { uri: 'sip:+46812345603@example.se', number: '+46812345603' },
    });
  });

  it('rings instead of forwarding to a mobile number the account lacks, and reports why', () => {
    const outcome = decideIncoming(
      situation(profile('temporarily-out'), {
        account: account({ numbers: { landline: '+46812345601', mobile: null, switchboard: null } }),
      }),
    );
    expect(outcome.decision).toMatchObject({ kind: 'ring', callWaiting: false });
    expect(outcome.problems).toEqual([
      { code: 'forward-no-mobile', message: 'The profile forwards calls to your mobile number, but the account has none' },
    ]);
  });

  it('hangs up after the announcement when there is no voicemail, and keeps ringing without a no-answer forward', () => {
    const noVoicemail = account({ voicemail: null });
    const lunch = decideIncoming(situation(profile('lunch'), { account: noVoicemail }));
    expect(lunch.decision).toMatchObject({ kind: 'announce', then: { kind: 'hangup' } });
    expect(lunch.problems.map((problem) => problem.code)).toEqual(['forward-no-voicemail']);
    expect(decideIncoming(situation(profile('available'), { account: noVoicemail })).decision).toEqual({
      kind: 'ring',
      callWaiting: false,
      noAnswer: null,
    });
  });

  it('turns a busy-forward it cannot follow into busy', () => {
    const outcome = decideIncoming(
      situation(profile('temporarily-out'), {
        busy: true,
        account: account({ numbers: { landline: null, mobile: null, switchboard: null } }),
      }),
    );
    expect(outcome.decision).toEqual({ kind: 'reject-busy' });
    expect(outcome.problems[0]?.code).toBe('forward-no-mobile');
  });

  it('reports an unusable forward number', () => {
    const odd = profile('available', {
      incoming: {
        action: { kind: 'forward', target: { kind: 'number', number: '07x' } },
        noAnswer: null,
        whenBusy: { kind: 'busy' },
        byLine: {},
      },
    });
    const outcome = decideIncoming(situation(odd));
    expect(outcome.decision.kind).toBe('ring');
    expect(outcome.problems[0]?.code).toBe('forward-number-invalid');
  });

  describe('by the line the caller dialled', () => {
    const offWork = profile('left-for-the-day');

    it('on Slutat för dagen answers the landline with the announcement and voicemail, and rings for the mobile', () => {
      expect(decideIncoming(situation(offWork, { line: 'landline' })).decision).toMatchObject({
        kind: 'announce',
        then: { kind: 'transfer', target: { number: '+46812345699' } },
      });
      expect(decideIncoming(situation(offWork, { line: 'mobile' })).decision).toEqual({
        kind: 'ring',
        callWaiting: false,
        noAnswer: { afterMs: 25_000, target: { uri: 'sip:+46812345699@example.se', number: '+46812345699' } },
      });
    });

    it('gives the lines without a rule of their own, the SIP address among them, the rule for all', () => {
      expect(decideIncoming(situation(offWork, { line: 'switchboard' })).decision.kind).toBe('announce');
      expect(decideIncoming(situation(offWork, { line: 'own' })).decision.kind).toBe('announce');
    });

    it('follows the line’s own rule when the user is already in a call', () => {
      expect(decideIncoming(situation(offWork, { line: 'mobile', busy: true })).decision).toMatchObject({
        kind: 'ring',
        callWaiting: true,
      });
      expect(decideIncoming(situation(offWork, { line: 'landline', busy: true })).decision).toMatchObject({
        kind: 'forward',
        target: { number: '+46812345699' },
      });
    });

    it('can turn one line away as busy while the others ring', () => {
      const available = profile('available');
      const ownBusy = profile('available', {
        incoming: { ...available.incoming, byLine: { own: { action: { kind: 'busy' }, noAnswer: null, whenBusy: { kind: 'busy' } } } },
      });
      expect(decideIncoming(situation(ownBusy, { line: 'own' })).decision).toEqual({ kind: 'reject-busy' });
      expect(decideIncoming(situation(ownBusy, { line: 'landline' })).decision.kind).toBe('ring');
    });
  });

  it('knows whether a profile rings on every line, for the switcher’s note on priority contacts', () => {
    expect(ringsOnEveryLine(profile('available'))).toBe(true);
    expect(ringsOnEveryLine(profile('left-for-the-day'))).toBe(false);
    const available = profile('available');
    expect(
      ringsOnEveryLine(
        profile('available', {
          incoming: {
            ...available.incoming,
            byLine: { landline: { action: { kind: 'busy' }, noAnswer: null, whenBusy: { kind: 'busy' } } },
          },
        }),
      ),
    ).toBe(false);
  });
});
