import { describe, expect, it } from 'vitest';
import { becameAvailable, mergeColleagueState, OFFLINE_COLLEAGUE, SHOWN_ACTIVITIES } from '../../../src/core/presence/colleagueState';
import { OFFLINE_PRESENCE, parsePresence, type ColleaguePresence } from '../../../src/core/presence/parse';
import { translate } from '../../../src/core/i18n/messages';

function presence(xml: string): ColleaguePresence {
  const result = parsePresence(xml);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const plain = (status: 'open' | 'closed', person = '', tupleNote = '') =>
  presence(
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:dave@example.se">` +
      `<tuple id="t"><status><basic>${status}</basic></status>${tupleNote}</tuple>${person}</presence>`,
  );
const withActivity = (activity: string, note = '') =>
  plain(
    'open',
    `<dm:person id="p"><rpid:activities><rpid:${activity}/></rpid:activities>${note ? `<dm:note>${note}</dm:note>` : ''}</dm:person>`,
  );
const ours = (callState: string | null) =>
  presence(
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:pp="urn:x-profiltelefon:presence" entity="sip:alice@example.se">` +
      `<tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p"><pp:profile number="1">Tillgänglig</pp:profile>` +
      `${callState === null ? '' : `<pp:callstate>${callState}</pp:callstate>`}</dm:person></presence>`,
  );

describe('mergeColleagueState: a colleague on another client', () => {
  it('shows plain open PIDF without our extension as available, with the note', () => {
    expect(mergeColleagueState(plain('open', '', '<note>Ute på lunch</note>'), null)).toEqual({
      online: true,
      profileName: null,
      activity: null,
      note: 'Ute på lunch',
      until: null,
      callState: null,
      available: true,
    });
  });

  it('names RPID activities and counts away, meeting and on-the-phone as not available', () => {
    expect(mergeColleagueState(withActivity('away', 'Tillbaka snart'), null)).toMatchObject({
      online: true,
      activity: 'away',
      note: 'Tillbaka snart',
      available: false,
    });
    expect(mergeColleagueState(withActivity('meeting'), null)).toMatchObject({ activity: 'meeting', available: false });
    expect(mergeColleagueState(withActivity('on-the-phone'), null)).toMatchObject({
      activity: 'on-the-phone',
      callState: 'busy',
      available: false,
    });
  });

  it('keeps an activity it cannot name out of the words but lets working and other stay available', () => {
    expect(mergeColleagueState(withActivity('working'), null)).toMatchObject({ activity: null, available: true });
    expect(mergeColleagueState(withActivity('other'), null)).toMatchObject({ activity: null, available: true });
  });

  it('shows closed, an empty body and nothing heard as offline', () => {
    expect(mergeColleagueState(plain('closed', '', '<note>Hemma</note>'), null)).toEqual(OFFLINE_COLLEAGUE);
    expect(mergeColleagueState(OFFLINE_PRESENCE, null)).toEqual(OFFLINE_COLLEAGUE);
    expect(mergeColleagueState(null, null)).toEqual(OFFLINE_COLLEAGUE);
  });
});

describe('mergeColleagueState: the dialog package', () => {
  it('shows a desk phone that publishes only dialogs by its call state while it rings or talks', () => {
    expect(mergeColleagueState(null, 'busy')).toMatchObject({ online: true, callState: 'busy', available: false, profileName: null });
    expect(mergeColleagueState(null, 'ringing-in')).toMatchObject({ online: true, callState: 'ringing-in', available: false });
    expect(mergeColleagueState(null, 'idle')).toEqual(OFFLINE_COLLEAGUE);
  });

  it('adds the call state to a plain PIDF that says nothing about calls', () => {
    expect(mergeColleagueState(plain('open'), 'busy')).toMatchObject({ online: true, callState: 'busy', available: false });
    expect(mergeColleagueState(plain('open'), 'idle')).toMatchObject({ callState: 'idle', available: true });
  });

  it('takes the busier of the two call states', () => {
    expect(mergeColleagueState(ours('idle'), 'busy').callState).toBe('busy');
    expect(mergeColleagueState(ours('busy'), 'idle').callState).toBe('busy');
    expect(mergeColleagueState(ours('ringing-out'), 'ringing-in').callState).toBe('ringing-in');
  });

  it("never lets a dialog reveal a call our app's colleague hides", () => {
    expect(mergeColleagueState(ours(null), 'busy')).toMatchObject({ callState: 'hidden', available: false });
  });

  it('ignores the call state of a closed PIDF', () => {
    const closedButBusy = presence(
      '<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:pp="urn:x-profiltelefon:presence" entity="sip:a@b">' +
        '<tuple id="t"><status><basic>closed</basic></status></tuple><dm:person id="p"><pp:callstate>busy</pp:callstate></dm:person></presence>',
    );
    expect(mergeColleagueState(closedButBusy, null)).toEqual(OFFLINE_COLLEAGUE);
  });
});

describe('becameAvailable', () => {
  const available = mergeColleagueState(plain('open'), null);
  const away = mergeColleagueState(withActivity('away'), null);
  it('fires when the colleague turns available, from nothing heard, offline or away', () => {
    expect(becameAvailable(null, available)).toBe(true);
    expect(becameAvailable(OFFLINE_COLLEAGUE, available)).toBe(true);
    expect(becameAvailable(away, available)).toBe(true);
  });
  it('stays quiet while the colleague stays available, or is not', () => {
    expect(becameAvailable(available, mergeColleagueState(plain('open', '', '<note>Ny</note>'), null))).toBe(false);
    expect(becameAvailable(available, away)).toBe(false);
    expect(becameAvailable(null, mergeColleagueState(ours('busy'), null))).toBe(false);
  });
});

describe('activity words', () => {
  it('has Swedish and English words for every activity the list names', () => {
    for (const activity of SHOWN_ACTIVITIES) {
      const sv = translate('sv', `presence.activity.${activity}`);
      const en = translate('en', `presence.activity.${activity}`);
      expect(sv).not.toBe(`presence.activity.${activity}`);
      expect(en).not.toBe(sv);
    }
    expect(translate('sv', 'presence.activity.meeting')).toBe('I möte');
    expect(translate('en', 'presence.activity.vacation')).toBe('On vacation');
  });
});
