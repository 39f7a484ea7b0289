import { describe, expect, it } from 'vitest';
import { draftFromProfile, draftsEqual, type ProfileFormDraft } from '../../../src/renderer/editor/editorDraft';
import { readDraft } from '../../../src/renderer/editor/readDraft';
import { defaultProfiles } from '../../../src/core/profiles/defaults';
import { incomingSummary } from '../../../src/core/profiles/incomingSummary';
import { ProfileSchema, type Profile } from '../../../src/core/profiles/model';
import { validateProfile } from '../../../src/core/profiles/validation';
import type { AccountNumbers } from '../../../src/core/account/model';

const NUMBERS: AccountNumbers = { landline: '+46812345601', mobile: '+46701110001', switchboard: null };
const profiles = defaultProfiles();
const byId = (id: string): Profile => profiles.find((profile) => profile.id === id)!;

function readEdited(id: string, edit: (draft: ProfileFormDraft) => void) {
  const previous = byId(id);
  const draft = draftFromProfile(previous);
  edit(draft);
  return readDraft(draft, { previous, profiles, numbers: NUMBERS });
}

describe('per-line rules in the profile', () => {
  it('load from a profile stored before lines could differ, meaning one rule for all', () => {
    const { byLine: _none, ...stored } = byId('meeting').incoming;
    const parsed = ProfileSchema.parse({ ...byId('meeting'), incoming: stored });
    expect(parsed.incoming.byLine).toEqual({});
    expect(parsed.incoming.action).toEqual(byId('meeting').incoming.action);
  });

  it('refuse a line that does not exist and a rule that is not one', () => {
    const meeting = byId('meeting');
    expect(ProfileSchema.safeParse({ ...meeting, incoming: { ...meeting.incoming, byLine: { fax: meeting.incoming } } }).success).toBe(
      false,
    );
    expect(
      ProfileSchema.safeParse({ ...meeting, incoming: { ...meeting.incoming, byLine: { mobile: { action: { kind: 'ring' } } } } }).success,
    ).toBe(false);
  });

  it('come by default on Slutat för dagen only: the mobile rings, everything else keeps the announcement', () => {
    expect(byId('left-for-the-day').incoming.byLine).toEqual({
      mobile: {
        action: { kind: 'ring' },
        noAnswer: { afterSeconds: 25, target: { kind: 'voicemail' } },
        whenBusy: { kind: 'callWaiting' },
      },
    });
    expect(byId('left-for-the-day').incoming.action.kind).toBe('announcement');
    expect(profiles.filter((profile) => Object.keys(profile.incoming.byLine).length > 0).map((profile) => profile.id)).toEqual([
      'left-for-the-day',
    ]);
  });

  it('are validated like the rule for all, with the error beside the line’s row', () => {
    const meeting = byId('meeting');
    const odd: Profile = {
      ...meeting,
      incoming: {
        ...meeting.incoming,
        byLine: {
          landline: {
            action: { kind: 'forward', target: { kind: 'number', number: '07x' } },
            noAnswer: { afterSeconds: 2, target: { kind: 'voicemail' } },
            whenBusy: { kind: 'busy' },
          },
        },
      },
    };
    expect(
      validateProfile(
        odd,
        profiles.filter((profile) => profile.id !== 'meeting'),
        NUMBERS,
        meeting,
      ).map((error) => [error.field, error.code]),
    ).toEqual([
      ['incoming.byLine.landline', 'no-answer-out-of-range'],
      ['incoming.byLine.landline', 'forward-number-invalid'],
    ]);
  });
});

describe('per-line rules in the editor', () => {
  it('show Slutat för dagen as not the same for all numbers, and save it unchanged', () => {
    const draft = draftFromProfile(byId('left-for-the-day'));
    expect(draft.incoming.sameForAllLines).toBe(false);
    expect(draft.incoming.byLine.mobile.choice).toBe('ring');
    expect(draft.incoming.byLine.landline.choice).toBe('same');
    const reading = readDraft(draft, { previous: byId('left-for-the-day'), profiles, numbers: NUMBERS });
    expect(reading.errors).toEqual([]);
    expect(reading.profile).toEqual(byId('left-for-the-day'));
    expect(draftFromProfile(byId('available')).incoming.sameForAllLines).toBe(true);
  });

  it('drop every line’s rule when "Samma för alla nummer" is turned on, and keep them in the draft', () => {
    const previous = byId('left-for-the-day');
    const draft = draftFromProfile(previous);
    draft.incoming.sameForAllLines = true;
    expect(readDraft(draft, { previous, profiles, numbers: NUMBERS }).profile.incoming.byLine).toEqual({});
    draft.incoming.sameForAllLines = false;
    expect(draftsEqual(draft, draftFromProfile(previous))).toBe(true);
  });

  it('give a newly chosen action the usual rule, with the forward target or announcement of the rule for all', () => {
    const available = readEdited('available', (draft) => {
      draft.incoming.sameForAllLines = false;
      draft.incoming.byLine.landline.choice = 'announcement';
      draft.incoming.byLine.switchboard.choice = 'busy';
      draft.incoming.byLine.own.choice = 'forward';
    });
    expect(available.errors).toEqual([]);
    expect(available.profile.incoming.byLine).toEqual({
      landline: {
        action: {
          kind: 'announcement',
          text: 'Jag kan inte ta samtalet just nu',
          sayEnd: true,
          then: { kind: 'forward', target: { kind: 'voicemail' } },
        },
        noAnswer: null,
        whenBusy: { kind: 'forward', target: { kind: 'voicemail' } },
      },
      switchboard: { action: { kind: 'busy' }, noAnswer: null, whenBusy: { kind: 'busy' } },
      own: {
        action: { kind: 'forward', target: { kind: 'mobile' } },
        noAnswer: null,
        whenBusy: { kind: 'forward', target: { kind: 'mobile' } },
      },
    });

    const meeting = readEdited('meeting', (draft) => {
      draft.incoming.sameForAllLines = false;
      draft.incoming.byLine.switchboard.choice = 'announcement';
      draft.incoming.byLine.mobile.choice = 'ring';
    });
    expect(meeting.profile.incoming.byLine.switchboard?.action).toEqual(byId('meeting').incoming.action);
    expect(meeting.profile.incoming.byLine.mobile).toEqual({
      action: { kind: 'ring' },
      noAnswer: { afterSeconds: 25, target: { kind: 'voicemail' } },
      whenBusy: { kind: 'callWaiting' },
    });
  });

  it('keep a line’s stored rule when its action is chosen again', () => {
    const stored = byId('left-for-the-day');
    const custom: Profile = {
      ...stored,
      incoming: {
        ...stored.incoming,
        byLine: {
          mobile: { action: { kind: 'ring' }, noAnswer: { afterSeconds: 40, target: { kind: 'mobile' } }, whenBusy: { kind: 'busy' } },
        },
      },
    };
    const draft = draftFromProfile(custom);
    draft.incoming.byLine.mobile.choice = 'busy';
    draft.incoming.byLine.mobile.choice = 'ring';
    expect(readDraft(draft, { previous: custom, profiles, numbers: NUMBERS }).profile.incoming.byLine).toEqual(custom.incoming.byLine);
  });
});

describe('incomingSummary', () => {
  it('says per number what Slutat för dagen does, in Swedish and English', () => {
    expect(incomingSummary(byId('left-for-the-day'), NUMBERS, 'sv')).toBe('Fast nummer: hänvisning och röstbrevlåda · Mobil: ringer');
    expect(incomingSummary(byId('left-for-the-day'), NUMBERS, 'en')).toBe('Landline: announcement and voicemail · Mobile: rings');
  });

  it('says one rule once', () => {
    expect(incomingSummary(byId('available'), NUMBERS, 'sv')).toBe('Ringer');
    expect(incomingSummary(byId('temporarily-out'), NUMBERS, 'en')).toBe('Forwarded to the mobile');
    expect(incomingSummary(byId('sick'), NUMBERS, 'sv')).toBe('Hänvisning och röstbrevlåda');
  });

  it('names a line the account has no number for only when it has a rule of its own', () => {
    const available = byId('available');
    const ownBusy: Profile = {
      ...available,
      incoming: {
        ...available.incoming,
        byLine: {
          own: {
            action: { kind: 'forward', target: { kind: 'number', number: '+46855512345' } },
            noAnswer: null,
            whenBusy: { kind: 'busy' },
          },
        },
      },
    };
    expect(incomingSummary(ownBusy, NUMBERS, 'sv')).toBe(
      'Fast nummer: ringer · Mobil: ringer · SIP-adress: vidarekopplas till +46855512345',
    );
  });
});
