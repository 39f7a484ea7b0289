import { describe, expect, it } from 'vitest';
import { OFFLINE_PRESENCE, parseDialogInfo, parsePresence } from '../../../src/core/presence/parse';
import {
  DIALOG_CONFIRMED_WITH_RINGING,
  ODD_PREFIXES,
  RFC3863_MINIMAL,
  RFC3863_PREFIXED,
  RFC4235_TRYING,
  SOFTPHONE_ON_THE_PHONE,
} from './fixtures';

function parsed(xml: string) {
  const result = parsePresence(xml);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const PIDF = 'xmlns="urn:ietf:params:xml:ns:pidf"';
const doc = (inner: string, extraNamespaces = '') =>
  `<presence ${PIDF} xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" ${extraNamespaces} entity="sip:x@y">${inner}</presence>`;

describe('parsePresence: documents as other clients write them', () => {
  it('reads the minimal RFC 3863 document', () => {
    expect(parsed(RFC3863_MINIMAL)).toEqual({
      basic: 'open',
      profileName: null,
      profileNumber: null,
      note: null,
      activities: [],
      until: null,
      callState: null,
    });
  });

  it('reads a prefixed PIDF namespace, takes open from any tuple and the first tuple note', () => {
    expect(parsed(RFC3863_PREFIXED)).toMatchObject({ basic: 'open', note: "Don't Disturb Please!", callState: null });
  });

  it('reads a typical softphone document with rpid:on-the-phone as busy', () => {
    expect(parsed(SOFTPHONE_ON_THE_PHONE)).toEqual({
      basic: 'open',
      profileName: null,
      profileNumber: null,
      note: 'On the phone',
      activities: ['on-the-phone'],
      until: null,
      callState: 'busy',
    });
  });

  it('matches namespaces by URI whatever the prefixes, and prefers the Swedish note', () => {
    expect(parsed(ODD_PREFIXES)).toEqual({
      basic: 'open',
      profileName: 'Lunch',
      profileNumber: 2,
      note: 'Ute på lunch',
      activities: ['lunch'],
      until: Date.UTC(2025, 4, 6, 10, 0),
      callState: 'hidden',
    });
  });

  it('ignores elements whose familiar prefix is bound to another namespace', () => {
    const xml = doc(
      '<tuple id="t"><status><basic>open</basic></status></tuple>' +
        '<dm:person id="p"><rpid:activities xmlns:rpid="urn:example:not-rpid"><rpid:on-the-phone/></rpid:activities></dm:person>',
    );
    expect(parsed(xml)).toMatchObject({ activities: [], callState: null });
  });

  it('honours a prefix redeclared on an inner element', () => {
    const xml = doc(
      '<dm:person id="p" xmlns:q="urn:ietf:params:xml:ns:pidf:rpid"><q:activities><q:meeting/><q:note>ignored</q:note></q:activities></dm:person>',
    );
    expect(parsed(xml).activities).toEqual(['meeting']);
  });

  it('prefers the person to tuples for activities and notes', () => {
    const xml = doc(
      '<tuple id="t"><status><basic>open</basic></status><rpid:activities><rpid:away/></rpid:activities><note>tuple note</note></tuple>' +
        '<dm:person id="p1"><rpid:activities><rpid:meeting/></rpid:activities><dm:note>person note</dm:note></dm:person>' +
        '<dm:person id="p2"><rpid:activities><rpid:vacation/></rpid:activities></dm:person>',
    );
    expect(parsed(xml)).toMatchObject({ activities: ['meeting'], note: 'person note' });
  });

  it('falls back to activities and notes in a tuple when there is no person', () => {
    const xml = doc(
      '<tuple id="t"><status><basic>open</basic></status><rpid:activities><rpid:away/></rpid:activities><note>Borta</note></tuple>',
    );
    expect(parsed(xml)).toMatchObject({ activities: ['away'], note: 'Borta' });
  });

  it("tells our app's document that leaves calls out (hidden) from another client's that never says them (null)", () => {
    const ours = doc(
      '<tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p" xmlns:pp="urn:x-profiltelefon:presence"><pp:profile number="9">Utbildning</pp:profile></dm:person>',
    );
    const plain = doc('<tuple id="t"><status><basic>open</basic></status><note>Ute på lunch</note></tuple>');
    expect(parsed(ours).callState).toBe('hidden');
    expect(parsed(plain)).toMatchObject({ basic: 'open', note: 'Ute på lunch', callState: null });
  });

  it('reads closed basic as offline', () => {
    const value = parsed(doc('<tuple id="t"><status><basic>closed</basic></status></tuple>'));
    expect(value.basic).toBe('closed');
  });

  it('reads an empty NOTIFY body as offline with nothing known', () => {
    expect(parsePresence('')).toEqual({ ok: true, value: OFFLINE_PRESENCE });
    expect(parsePresence('  \r\n ')).toEqual({ ok: true, value: OFFLINE_PRESENCE });
    expect(parsed('').basic).not.toBe('open');
  });

  it('ignores an until without a time zone, an unparsable profile number and an unknown call state', () => {
    const xml = doc(
      '<dm:person id="p" xmlns:pp="urn:x-profiltelefon:presence"><rpid:activities until="2025-05-06T12:00:00"><rpid:lunch/></rpid:activities>' +
        '<pp:profile number="3; DROP">Lunch</pp:profile><pp:callstate>sleeping</pp:callstate></dm:person>',
    );
    expect(parsed(xml)).toMatchObject({ until: null, profileNumber: null, profileName: 'Lunch', callState: 'hidden' });
  });
});

describe('parseDialogInfo', () => {
  it('reads the RFC 4235 trying example as ringing out', () => {
    expect(parseDialogInfo(RFC4235_TRYING)).toEqual({
      ok: true,
      value: {
        state: 'full',
        version: 0,
        dialogs: [{ id: 'as7d900as8', state: 'trying', direction: 'initiator' }],
        callState: 'ringing-out',
      },
    });
  });

  it('lets a confirmed dialog win over a ringing one, whatever the prefix', () => {
    const result = parseDialogInfo(DIALOG_CONFIRMED_WITH_RINGING);
    expect(result.ok && result.value).toMatchObject({ version: 7, callState: 'busy' });
  });

  it('reads an early dialog without direction as ringing in', () => {
    const xml = `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="partial" entity="sip:b@x"><dialog id="1"><state>early</state></dialog></dialog-info>`;
    const result = parseDialogInfo(xml);
    expect(result.ok && result.value.callState).toBe('ringing-in');
  });

  it('skips dialogs in unknown states', () => {
    const xml = `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:b@x"><dialog id="1"><state>ringing</state></dialog></dialog-info>`;
    expect(parseDialogInfo(xml)).toEqual({ ok: true, value: { state: 'full', version: 1, dialogs: [], callState: 'idle' } });
  });

  it.each([
    ['a PIDF document', RFC3863_MINIMAL],
    ['a missing version', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" state="full" entity="sip:b@x"/>'],
    ['a negative version', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="-1" state="full" entity="sip:b@x"/>'],
    ['an unknown state', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="some" entity="sip:b@x"/>'],
    ['dialog-info in no namespace', '<dialog-info version="1" state="full" entity="sip:b@x"/>'],
  ])('refuses %s with presence-not-dialog-info', (_label, xml) => {
    const result = parseDialogInfo(xml);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('presence-not-dialog-info');
  });

  it('applies the same limits as PIDF parsing', () => {
    const laughs =
      '<!DOCTYPE d [<!ENTITY a "aaaa">]><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full">&a;</dialog-info>';
    const result = parseDialogInfo(laughs);
    expect(!result.ok && result.error.code).toBe('presence-doctype-forbidden');
    const empty = parseDialogInfo('');
    expect(!empty.ok && empty.error.code).toBe('presence-malformed');
  });
});
