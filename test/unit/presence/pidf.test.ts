import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { callStateFor, type CallState } from '../../../src/core/presence/callState';
import { parseDialogInfo, parsePresence } from '../../../src/core/presence/parse';
import { buildDialogInfo, buildPidf } from '../../../src/core/presence/pidf';
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
    expect(xml).toContain('<dm:note>Styrelsemöte</dm:note>');
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
    expect(parsed(xml)).toMatchObject({ profileName: 'Fokustid', profileNumber: 11, activities: ['other'], note: 'Stör ej', callState: 'idle' });
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

  it('publishes no activities and no note for the base profile without a message', () => {
    const xml = buildPidf(pidfInput());
    expect(xml).not.toContain('activities');
    expect(xml).not.toContain('note');
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

describe('callStateFor', () => {
  it('passes the call state through only while available', () => {
    const ringing: CallState = { kind: 'ringing', direction: 'outgoing' };
    expect(callStateFor('available', ringing)).toEqual(ringing);
    expect(callStateFor('unavailable', ringing)).toBeNull();
    expect(callStateFor('unavailable', { kind: 'idle' })).toBeNull();
  });
});

describe('buildDialogInfo', () => {
  const base = { entity: ENTITY, version: 4, state: 'full' as const, dialogId: 'call-1' };

  it('describes an idle phone as a full document with no dialogs', () => {
    const xml = buildDialogInfo({ ...base, callState: { kind: 'idle' } });
    expect(xml).toContain('<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="4" state="full"');
    expect(xml).not.toContain('<dialog ');
    expect(parseDialogInfo(xml)).toEqual({ ok: true, value: { state: 'full', version: 4, dialogs: [], callState: 'idle' } });
  });

  it('terminates the dialog in a partial document when the call ends', () => {
    const xml = buildDialogInfo({ ...base, state: 'partial', callState: { kind: 'idle' } });
    expect(xml).toContain('<state>terminated</state>');
    const result = parseDialogInfo(xml);
    expect(result.ok && result.value).toMatchObject({ state: 'partial', callState: 'idle', dialogs: [{ id: 'call-1', state: 'terminated' }] });
  });

  it.each<[CallState, string, string]>([
    [{ kind: 'ringing', direction: 'incoming' }, 'early', 'ringing-in'],
    [{ kind: 'ringing', direction: 'outgoing' }, 'early', 'ringing-out'],
    [{ kind: 'busy' }, 'confirmed', 'busy'],
  ])('round-trips %o as a %s dialog', (callState, dialogState, expected) => {
    const xml = buildDialogInfo({ ...base, callState });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(`<state>${dialogState}</state>`);
    const result = parseDialogInfo(xml);
    expect(result.ok && result.value.callState).toBe(expected);
  });

  it('sets the direction on ringing dialogs', () => {
    expect(buildDialogInfo({ ...base, callState: { kind: 'ringing', direction: 'incoming' } })).toContain('direction="recipient"');
    expect(buildDialogInfo({ ...base, callState: { kind: 'ringing', direction: 'outgoing' } })).toContain('direction="initiator"');
  });

  it('names no remote party, call-id or tags', () => {
    const xml = buildDialogInfo({ ...base, callState: { kind: 'busy' } });
    for (const leak of ['remote', 'call-id', 'local-tag', 'remote-tag', 'identity']) expect(xml).not.toContain(leak);
  });

  it('escapes the dialog id and entity', () => {
    const xml = buildDialogInfo({ ...base, entity: 'sip:"x"@y', dialogId: '<a&b>', callState: { kind: 'busy' } });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('id="&lt;a&amp;b&gt;"');
  });

  it('refuses a version that is not a non-negative integer', () => {
    expect(() => buildDialogInfo({ ...base, version: -1, callState: { kind: 'idle' } })).toThrow(RangeError);
    expect(() => buildDialogInfo({ ...base, version: 1.5, callState: { kind: 'idle' } })).toThrow(RangeError);
  });
});
