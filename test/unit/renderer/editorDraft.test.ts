import { describe, expect, it } from 'vitest';
import { callerIdOptions, defaultCallerId } from '../../../src/renderer/editor/callerIdOptions';
import {
  blankDraft,
  draftFromProfile,
  draftsEqual,
  duplicateDraft,
  lengthChoiceOf,
  uniqueCopyName,
  type ProfileFormDraft,
} from '../../../src/renderer/editor/editorDraft';
import { previewAnnouncement } from '../../../src/renderer/editor/previewAnnouncement';
import { readDraft, toProfileDraft } from '../../../src/renderer/editor/readDraft';
import { defaultProfiles } from '../../../src/core/profiles/defaults';
import { DEFAULT_WORKING_HOURS } from '../../../src/core/time/workingHours';
import type { Profile } from '../../../src/core/profiles/model';
import type { AccountNumbers } from '../../../src/core/account/model';

const NO_NUMBERS: AccountNumbers = { landline: null, mobile: null, switchboard: null };
const MOBILE_ONLY: AccountNumbers = { landline: null, mobile: '+46701234567', switchboard: null };
const copyName = (name: string, attempt: number) => (attempt === 1 ? `${name} (kopia)` : `${name} (kopia ${attempt})`);

const profiles = defaultProfiles();
const byName = (name: string): Profile => profiles.find((profile) => profile.name === name)!;

function readEdited(name: string, edit: (draft: ProfileFormDraft) => void, numbers: AccountNumbers = NO_NUMBERS) {
  const previous = byName(name);
  const draft = draftFromProfile(previous);
  edit(draft);
  return readDraft(draft, { previous, profiles, numbers });
}

const fieldsOf = (reading: ReturnType<typeof readDraft>) => reading.errors.map((error) => [error.field, error.code]);

describe('a profile read back from its own draft', () => {
  it('is unchanged, for each of the ten standard profiles', () => {
    for (const profile of profiles) {
      const reading = readDraft(draftFromProfile(profile), { previous: profile, profiles, numbers: NO_NUMBERS });
      expect(reading.errors).toEqual([]);
      expect(reading.profile).toEqual(profile);
    }
  });

  it('keeps every setting the form changed', () => {
    const reading = readEdited('Lunch', (draft) => {
      draft.name = 'Långlunch';
      draft.number = '42';
      draft.status = 'unavailable';
      draft.statusMessage = 'Tillbaka snart';
      draft.notifications.chat.web = false;
      draft.callerId = { calls: 'hidden', sms: 'landline' };
      draft.incoming.announcementText = 'Åter snart';
      draft.incoming.announcementSayEnd = false;
      draft.incoming.announcementThen = 'hangup';
      draft.incoming.noAnswerEnabled = true;
      draft.incoming.noAnswerSeconds = '40';
      draft.incoming.noAnswerTarget = { kind: 'mobile', number: '' };
      draft.incoming.whenBusy = 'busy';
      draft.recordCalls = true;
      draft.allowListenIn = true;
      draft.length = { choice: 'untilTimeOfDay', minutes: '', time: '13:15', days: '' };
      draft.calendarPriority = '95';
    });
    expect(reading.errors).toEqual([]);
    expect(reading.profile).toEqual({
      ...byName('Lunch'),
      name: 'Långlunch',
      number: 42,
      status: 'unavailable',
      statusMessage: 'Tillbaka snart',
      notifications: { ...byName('Lunch').notifications, chat: { desktop: true, mobile: true, web: false } },
      callerId: { calls: 'hidden', sms: 'landline' },
      incoming: {
        action: { kind: 'announcement', text: 'Åter snart', sayEnd: false, then: { kind: 'hangup' } },
        noAnswer: { afterSeconds: 40, target: { kind: 'mobile' } },
        whenBusy: { kind: 'busy' },
        byLine: {},
      },
      recordCalls: true,
      allowListenIn: true,
      defaultLength: { kind: 'untilTimeOfDay', time: '13:15' },
      calendarPriority: 95,
    });
  });

  it('normalises a typed forward number to E.164', () => {
    const reading = readEdited('Tillfälligt ute', (draft) => {
      draft.incoming.actionTarget = { kind: 'number', number: '070-123 45 67' };
    });
    expect(reading.errors).toEqual([]);
    expect(reading.profile.incoming.action).toEqual({ kind: 'forward', target: { kind: 'number', number: '+46701234567' } });
  });

  it('keeps hidden sub-settings in the draft but leaves them out of the profile', () => {
    const reading = readEdited('Tillfälligt ute', (draft) => {
      draft.incoming.actionTarget = { kind: 'number', number: 'nonsense' };
      draft.incoming.action = 'ring';
    });
    expect(reading.errors).toEqual([]);
    expect(reading.profile.incoming.action).toEqual({ kind: 'ring' });
  });
});

describe('default lengths', () => {
  it('map presets, typed values and the kinds without a value onto the union', () => {
    expect(lengthChoiceOf({ kind: 'minutes', minutes: 60 })).toBe('minutes-60');
    expect(lengthChoiceOf({ kind: 'minutes', minutes: 45 })).toBe('minutes');
    expect(lengthChoiceOf({ kind: 'days', days: 7 })).toBe('days');
    expect(lengthChoiceOf({ kind: 'nextWorkingDayStart' })).toBe('nextWorkingDayStart');

    const cases: [ProfileFormDraft['length'], Profile['defaultLength']][] = [
      [
        { choice: 'minutes-240', minutes: '', time: '', days: '' },
        { kind: 'minutes', minutes: 240 },
      ],
      [
        { choice: 'minutes', minutes: '45', time: '', days: '' },
        { kind: 'minutes', minutes: 45 },
      ],
      [
        { choice: 'days', minutes: '', time: '', days: '3' },
        { kind: 'days', days: 3 },
      ],
      [{ choice: 'endOfWorkingDay', minutes: 'x', time: 'x', days: 'x' }, { kind: 'endOfWorkingDay' }],
      [{ choice: 'untilChanged', minutes: '', time: '', days: '' }, { kind: 'untilChanged' }],
    ];
    for (const [length, expected] of cases) {
      const reading = readEdited('Möte', (draft) => (draft.length = length));
      expect(reading.errors).toEqual([]);
      expect(reading.profile.defaultLength).toEqual(expected);
    }
  });

  it('refuse a zero length, text in a number and a time that is not HH:MM', () => {
    expect(fieldsOf(readEdited('Semester', (draft) => (draft.length.days = '0')))).toEqual([['defaultLength.days', 'length-not-positive']]);
    expect(fieldsOf(readEdited('Möte', (draft) => (draft.length = { choice: 'minutes', minutes: '1,5', time: '', days: '' })))).toEqual([
      ['defaultLength.minutes', 'not-a-whole-number'],
    ]);
    expect(
      fieldsOf(readEdited('Möte', (draft) => (draft.length = { choice: 'untilTimeOfDay', minutes: '', time: '25:00', days: '' }))),
    ).toEqual([['defaultLength.time', 'time-invalid']]);
  });
});

describe('errors beside their fields', () => {
  it('are those of validateProfile, with its codes and field paths', () => {
    const reading = readEdited('Lunch', (draft) => {
      draft.name = '  ';
      draft.number = '3';
      draft.incoming.announcementText = '';
      draft.incoming.noAnswerEnabled = true;
      draft.incoming.noAnswerSeconds = '2';
    });
    expect(fieldsOf(reading)).toEqual([
      ['name', 'name-empty'],
      ['number', 'number-duplicate'],
      ['incoming.noAnswer.afterSeconds', 'no-answer-out-of-range'],
      ['incoming.action.text', 'announcement-empty'],
    ]);
  });

  it('find a duplicate name regardless of case and surrounding spaces', () => {
    expect(fieldsOf(readEdited('Lunch', (draft) => (draft.name = ' möte ')))).toEqual([['name', 'name-duplicate']]);
  });

  it('explain an unreadable forward number once, with the phone-number code', () => {
    const reading = readEdited('Tjänsteresa', (draft) => {
      draft.incoming.whenBusy = 'forward';
      draft.incoming.whenBusyTarget = { kind: 'number', number: '12345' };
    });
    expect(fieldsOf(reading)).toEqual([['incoming.whenBusy.target', 'number-invalid']]);
    const empty = readEdited('Tjänsteresa', (draft) => (draft.incoming.actionTarget = { kind: 'number', number: ' ' }));
    expect(fieldsOf(empty)).toEqual([['incoming.action.target', 'number-empty']]);
  });

  it('forward to a colleague picked from the directory, and ask for one when none is picked', () => {
    const bertil = { name: 'Bertil Berg', uri: 'sip:bertil@example.se' };
    const picked = readEdited(
      'Tillfälligt ute',
      (draft) => (draft.incoming.actionTarget = { kind: 'colleague', number: '', colleague: bertil }),
    );
    expect(picked.errors).toEqual([]);
    expect(picked.profile.incoming.action).toEqual({ kind: 'forward', target: { kind: 'colleague', ...bertil } });
    expect(draftFromProfile(picked.profile).incoming.actionTarget).toEqual({ kind: 'colleague', number: '', colleague: bertil });
    const none = readEdited(
      'Tillfälligt ute',
      (draft) => (draft.incoming.actionTarget = { kind: 'colleague', number: '', colleague: null }),
    );
    expect(fieldsOf(none)).toEqual([['incoming.action.target', 'forward-colleague-missing']]);
  });

  it('include the text and range limits of the core rules', () => {
    expect(fieldsOf(readEdited('Lunch', (draft) => (draft.statusMessage = 'x'.repeat(201))))).toEqual([
      ['statusMessage', 'status-message-too-long'],
    ]);
    expect(fieldsOf(readEdited('Lunch', (draft) => (draft.calendarPriority = '')))).toEqual([['calendarPriority', 'not-a-whole-number']]);
  });

  it('refuse a caller ID the account lacks, but not the one already stored', () => {
    expect(fieldsOf(readEdited('Lunch', (draft) => (draft.callerId.sms = 'mobile'), MOBILE_ONLY))).toEqual([]);
    expect(fieldsOf(readEdited('Lunch', (draft) => (draft.callerId.sms = 'switchboard'), MOBILE_ONLY))).toEqual([
      ['callerId.sms', 'caller-id-not-owned'],
    ]);
    expect(fieldsOf(readEdited('Lunch', () => undefined, MOBILE_ONLY))).toEqual([]);
  });
});

describe('new and duplicated profiles', () => {
  it('start blank with the next free number and a caller ID the account owns', () => {
    const draft = blankDraft(profiles, MOBILE_ONLY);
    expect(draft.number).toBe('11');
    expect(draft.callerId).toEqual({ calls: 'mobile', sms: 'mobile' });
    expect(fieldsOf(readDraft(draft, { profiles, numbers: MOBILE_ONLY }))).toEqual([['name', 'name-empty']]);
    draft.name = 'Fokus';
    const reading = readDraft(draft, { profiles, numbers: MOBILE_ONLY });
    expect(reading.errors).toEqual([]);
    expect(toProfileDraft(reading.profile)).not.toHaveProperty('id');
    expect(toProfileDraft(reading.profile)).toMatchObject({ name: 'Fokus', number: 11 });
  });

  it('copy every setting under a free name and number', () => {
    const draft = duplicateDraft(byName('Semester'), profiles, copyName);
    expect(draft.name).toBe('Semester (kopia)');
    expect(draft.number).toBe('11');
    const reading = readDraft(draft, { profiles, numbers: NO_NUMBERS });
    expect(reading.errors).toEqual([]);
    const { id: _id, name: _name, number: _number, ...settings } = byName('Semester');
    expect(reading.profile).toMatchObject(settings);
  });

  it('get "(kopia 2)" when "(kopia)" is taken, and a long name is shortened to fit', () => {
    const withCopy = [...profiles, { ...byName('Lunch'), id: 'x', number: 11, name: 'Lunch (kopia)' }];
    expect(uniqueCopyName('Lunch', withCopy, copyName)).toBe('Lunch (kopia 2)');
    const long = 'L'.repeat(58);
    const copy = uniqueCopyName(long, profiles, copyName);
    expect(copy).toHaveLength(60);
    expect(copy.endsWith('… (kopia)')).toBe(true);
  });

  it('default to the landline while the account has no numbers yet', () => {
    expect(defaultCallerId(NO_NUMBERS)).toBe('landline');
    expect(defaultCallerId({ landline: '+4681234567', mobile: null, switchboard: null })).toBe('landline');
  });
});

describe('caller ID choices', () => {
  it('offer only the numbers the account owns, the stored choice, and hidden', () => {
    expect(callerIdOptions(MOBILE_ONLY, 'landline').map((option) => [option.value, option.selectable])).toEqual([
      ['landline', true],
      ['mobile', true],
      ['switchboard', false],
      ['hidden', true],
    ]);
    expect(callerIdOptions(NO_NUMBERS).every((option) => option.selectable)).toBe(true);
    expect(callerIdOptions(MOBILE_ONLY)[1]?.number).toBe('+46701234567');
  });
});

describe('unsaved changes', () => {
  it('are seen by comparing drafts', () => {
    const original = draftFromProfile(byName('Möte'));
    const edited = structuredClone(original);
    expect(draftsEqual(original, edited)).toBe(true);
    edited.notifications.sms.mobile = false;
    expect(draftsEqual(original, edited)).toBe(false);
  });
});

describe('previewAnnouncement', () => {
  // Thursday 4 December 2025, 10:00 in Stockholm.
  const now = Date.UTC(2025, 11, 4, 9, 0);
  const context = { profiles, numbers: NO_NUMBERS, now, timeZone: 'Europe/Stockholm', workingHours: DEFAULT_WORKING_HOURS };

  it('says what a caller would hear if the profile were chosen now, with its default length', () => {
    const draft = draftFromProfile(byName('Möte'));
    expect(previewAnnouncement(draft, { ...context, previous: byName('Möte'), language: 'sv' })).toBe('Jag sitter i möte till 11:00.');
    expect(previewAnnouncement(draft, { ...context, previous: byName('Möte'), language: 'en' })).toBe("I'm in a meeting until 11 am.");
  });

  it('follows the form: the words, the choice to say the end, and the length', () => {
    const draft = draftFromProfile(byName('Möte'));
    draft.incoming.announcementText = 'Jag är på kundbesök';
    draft.length = { choice: 'nextWorkingDayStart', minutes: '', time: '', days: '' };
    expect(previewAnnouncement(draft, { ...context, previous: byName('Möte'), language: 'sv' })).toBe(
      'Jag är på kundbesök till i morgon 08:00.',
    );
    draft.incoming.announcementSayEnd = false;
    expect(previewAnnouncement(draft, { ...context, previous: byName('Möte'), language: 'sv' })).toBe('Jag är på kundbesök');
  });

  it('says no end while the typed length cannot be read', () => {
    const draft = draftFromProfile(byName('Möte'));
    draft.length = { choice: 'minutes', minutes: 'ten', time: '', days: '' };
    expect(previewAnnouncement(draft, { ...context, previous: byName('Möte'), language: 'sv' })).toBe('Jag sitter i möte');
  });
});
