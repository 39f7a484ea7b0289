import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { callStateFor, type CallState } from '../../../src/core/presence/callState';
import { parsePresence } from '../../../src/core/presence/parse';
import { buildPidf } from '../../../src/core/presence/pidf';
import { defaultProfiles } from '../../../src/core/profiles/defaults';
import { ENTITY, IN_ONE_HOUR, pidfInput } from './fixtures';

const MEETING = { id: 'meeting', name: 'Möte', number: 3, status: 'available' } as const;
const VACATION = { id: 'vacation', name: 'Semester', number: 5, status: 'unavailable' } as const;

function parsed(xml: string) {
  const result = parsePresence(xml);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('buildPidf', () => {
  it('publishes a PIDF document with the RFC 4479 person and RPID activities', () => {
    const xml = buildPidf(pidfInput({ profile: MEETING, message: 'Styrelsemöte', until: IN_ONE_HOUR }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<presence xmlns="urn:ietf:params:xml:ns:pidf"');
    expect(xml).toContain(`entity="${ENTITY}"`);
    expect(xml).toContain('<basic>open</basic>');
    expect(xml).toContain('<rpid:activities until="2025-05-06T10:00:00.000Z">');
    expect(xml).toContain('<rpid:meeting/>');
    expect(xml).toContain('<pp:profile number="3" until="2025-05-06T10:00:00.000Z">Möte</pp:profile>');
    expect(xml).toContain('<dm:note xml:lang="sv">Möte till 12:00 – Styrelsemöte</dm:note>');
    expect(xml).toContain('<note xml:lang="sv">Möte till 12:00 – Styrelsemöte</note>');
    expect(xml).toContain('<pp:message>Styrelsemöte</pp:message>');
    expect(xml).toContain('<timestamp>2025-05-06T09:00:00.000Z</timestamp>');
  });

  it('round-trips Möte with a message, an end time and a call', () => {
    const xml = buildPidf(pidfInput({ profile: MEETING, message: 'Styrelsemöte', until: IN_ONE_HOUR, callState: { kind: 'busy' } }));
    expect(parsed(xml)).toEqual({
      basic: 'open',
      profileName: 'Möte',
      profileNumber: 3,
      note: 'Styrelsemöte',
      activities: ['meeting', 'on-the-phone'],
      until: IN_ONE_HOUR,
      callState: 'busy',
    });
  });

  it.each<[CallState, string]>([
    [{ kind: 'idle' }, 'idle'],
    [{ kind: 'ringing', direction: 'incoming' }, 'ringing-in'],
    [{ kind: 'ringing', direction: 'outgoing' }, 'ringing-out'],
    [{ kind: 'busy' }, 'busy'],
  ])('round-trips the call state %o while available', (callState, expected) => {
    const xml = buildPidf(pidfInput({ callState }));
    expect(xml).toContain(`<pp:callstate>${expected}</pp:callstate>`);
    expect(parsed(xml).callState).toBe(expected);
    expect(xml.includes('on-the-phone')).toBe(expected === 'busy');
  });

  it('round-trips a custom profile as RPID other with its name', () => {
    const xml = buildPidf(pidfInput({ profile: { id: 'c-19', name: 'Fokustid', number: 11, status: 'available' }, message: 'Stör ej' }));
    expect(xml).toContain('<rpid:other>Fokustid</rpid:other>');
    expect(parsed(xml)).toMatchObject({
      profileName: 'Fokustid',
      profileNumber: 11,
      activities: ['other'],
      note: 'Stör ej',
      callState: 'idle',
    });
  });

  it('round-trips every default profile', () => {
    for (const profile of defaultProfiles()) {
      const callState = callStateFor(profile.status, { kind: 'idle' });
      const value = parsed(buildPidf(pidfInput({ profile, callState, until: profile.id === 'available' ? null : IN_ONE_HOUR })));
      expect(value.profileName).toBe(profile.name);
      expect(value.profileNumber).toBe(profile.number);
      expect(value.callState).toBe(profile.status === 'available' ? 'idle' : 'hidden');
      expect(value.until).toBe(profile.id === 'available' ? null : IN_ONE_HOUR);
    }
  });

  it('publishes no activities and only the profile name as note for the base profile without a message', () => {
    const xml = buildPidf(pidfInput());
    expect(xml).not.toContain('activities');
    expect(xml).toContain('<note xml:lang="sv">Tillgänglig</note>');
    expect(xml).toContain('<dm:note xml:lang="sv">Tillgänglig</dm:note>');
    expect(parsed(xml)).toMatchObject({ activities: [], note: null, until: null, profileName: 'Tillgänglig' });
  });

  it('publishes only on-the-phone while the base profile is in a call', () => {
    const value = parsed(buildPidf(pidfInput({ callState: { kind: 'busy' } })));
    expect(value.activities).toEqual(['on-the-phone']);
  });

  describe('an unavailable profile', () => {
    it('carries no call state at all', () => {
      const callState = callStateFor('unavailable', { kind: 'busy' });
      expect(callState).toBeNull();
      const xml = buildPidf(pidfInput({ profile: VACATION, message: 'Tillbaka måndag', until: IN_ONE_HOUR, callState }));
      expect(xml).not.toContain('on-the-phone');
      expect(xml).not.toContain('callstate');
      expect(xml).not.toContain('dialog');
      expect(xml).toContain('<rpid:vacation/>');
      expect(xml).toContain('<basic>open</basic>');
      expect(parsed(xml)).toMatchObject({ callState: 'hidden', activities: ['vacation'], profileName: 'Semester', basic: 'open' });
    });

    it('carries no call state even when a caller passes one', () => {
      for (const callState of [{ kind: 'busy' }, { kind: 'idle' }, { kind: 'ringing', direction: 'incoming' }] as CallState[]) {
        const xml = buildPidf(pidfInput({ profile: VACATION, callState }));
        expect(xml).not.toContain('on-the-phone');
        expect(xml).not.toContain('callstate');
        expect(parsed(xml).callState).toBe('hidden');
      }
    });
  });

  describe('escaping', () => {
    it('escapes hostile profile names and messages as text', () => {
      const name = `</pp:profile><pp:callstate>busy</pp:callstate><pp:profile number="9">"'&`;
      const message = `<script>alert("x")</script> & 'quotes' ]]> &amp;`;
      const xml = buildPidf(pidfInput({ profile: { id: 'c-1', name, number: 12, status: 'unavailable' }, message, callState: null }));
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain('<script>');
      expect(xml).not.toContain('<pp:callstate>');
      expect(xml).toContain('&lt;script&gt;');
      expect(xml).toContain('&amp;amp;');
      expect(parsed(xml)).toMatchObject({ profileName: name, note: message, profileNumber: 12, callState: 'hidden' });
    });

    it('escapes quotes, ampersands and line breaks in attributes', () => {
      const entity = `sip:"o'hara"&<co>@example.com`;
      const xml = buildPidf(pidfInput({ entity }));
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain('entity="sip:&quot;o&apos;hara&quot;&amp;&lt;co&gt;@example.com"');
    });

    it('drops characters XML cannot carry so the document stays well-formed', () => {
      const xml = buildPidf(pidfInput({ profile: { ...MEETING, name: 'Mö\u0000te\uD800' }, message: 'a\u0001b\u001Fc\uFFFF' }));
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(parsed(xml)).toMatchObject({ profileName: 'Möte', note: 'abc' });
    });
  });

  it('refuses timestamps that are not dates', () => {
    expect(() => buildPidf(pidfInput({ timestamp: Number.NaN }))).toThrow(RangeError);
    expect(() => buildPidf(pidfInput({ until: 1e20 }))).toThrow(RangeError);
  });
});

describe('the note any client reads', () => {
  const note = (xml: string) => {
    const document = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(xml) as {
      presence: { tuple: { note: { '#text': string } }; person: { note: { '#text': string } } };
    };
    return [document.presence.tuple.note['#text'], document.presence.person.note['#text']];
  };

  it('carries the profile name, its end and the status message, in tuple and person alike', () => {
    const xml = buildPidf(pidfInput({ profile: MEETING, message: 'Chatta mig om det är viktigt', until: Date.UTC(2025, 4, 6, 12, 30) }));
    expect(note(xml)).toEqual(['Möte till 14:30 – Chatta mig om det är viktigt', 'Möte till 14:30 – Chatta mig om det är viktigt']);
  });

  it('tells an end on another day the way the announcement does, in the account language', () => {
    const tomorrow = Date.UTC(2025, 4, 7, 6, 0);
    expect(
      note(
        buildPidf(pidfInput({ profile: { id: 'sick', name: 'Sjuk', number: 6, status: 'unavailable' }, until: tomorrow, callState: null })),
      )[0],
    ).toBe('Sjuk till i morgon 08:00');
    expect(note(buildPidf(pidfInput({ profile: MEETING, until: Date.UTC(2025, 4, 6, 12, 30), language: 'en' })))[0]).toBe(
      'Möte until 2:30 pm',
    );
    expect(buildPidf(pidfInput({ language: 'en' }))).toContain('<note xml:lang="en">');
  });

  it('keeps the profile end in RPID until and pp:profile, and the timestamp', () => {
    const xml = buildPidf(pidfInput({ profile: MEETING, until: IN_ONE_HOUR }));
    expect(xml).toContain('<rpid:activities until="2025-05-06T10:00:00.000Z">');
    expect(xml).toContain('<dm:timestamp>2025-05-06T09:00:00.000Z</dm:timestamp>');
  });

  it('publishes a custom profile and a named absence with their names in RPID other', () => {
    const sick = buildPidf(pidfInput({ profile: { id: 'sick', name: 'Sjuk', number: 6, status: 'unavailable' }, callState: null }));
    expect(sick).toContain('<rpid:other>Sjuk</rpid:other>');
    expect(sick).toContain('<rpid:away/>');
    expect(parsed(sick).activities).toEqual(['other', 'away']);
  });

  it('escapes markup in the note', () => {
    const xml = buildPidf(
      pidfInput({ profile: { id: 'c-1', name: '<b>Fokus</b>', number: 11, status: 'available' }, message: '& <i>x</i>' }),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(note(xml)[0]).toBe('<b>Fokus</b> – & <i>x</i>');
  });
});

describe('callStateFor', () => {
  it('passes the call state through only while available', () => {
    const ringing: CallState = { kind: 'ringing', direction: 'outgoing' };
    expect(callStateFor('available', ringing)).toEqual(ringing);
    expect(callStateFor('unavailable', ringing)).toBeNull();
    expect(callStateFor('unavailable', { kind: 'idle' })).toBeNull();
  });
});
