import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildDialogInfo, nextDialogs, type PhoneCall, type PublishedDialog } from '../../../src/core/presence/dialogInfo';
import { parseDialogInfo } from '../../../src/core/presence/parse';
import { ENTITY } from './fixtures';

const call = (status: PhoneCall['status'], direction: PhoneCall['direction'] = 'outgoing', id = 'd1'): PhoneCall => ({
  id,
  direction,
  status,
});

describe('nextDialogs', () => {
  it('follows an outgoing call through trying, early, confirmed and terminated', () => {
    let published: PublishedDialog[] = [];
    const states: string[] = [];
    for (const calls of [[call('dialing')], [call('alerting')], [call('active')], []]) {
      published = nextDialogs(published, calls);
      states.push(published.map((dialog) => `${dialog.state}/${dialog.direction}`).join());
    }
    expect(states).toEqual(['trying/initiator', 'early/initiator', 'confirmed/initiator', 'terminated/initiator']);
    expect(nextDialogs(published, [])).toEqual([]);
  });

  it('shows an incoming ring as an early dialog of the recipient', () => {
    expect(nextDialogs([], [call('ringing', 'incoming')])).toEqual([{ id: 'd1', state: 'early', direction: 'recipient' }]);
  });

  it('leaves out a call the announcement answers, and ends it if it was shown ringing', () => {
    const ringing = nextDialogs([], [call('ringing', 'incoming')]);
    expect(nextDialogs(ringing, [call('announcing', 'incoming')])).toEqual([{ id: 'd1', state: 'terminated', direction: 'recipient' }]);
    expect(nextDialogs([], [call('announcing', 'incoming')])).toEqual([]);
  });

  it('keeps a live call beside one that has just ended', () => {
    const both = nextDialogs([], [call('active', 'incoming', 'a'), call('ringing', 'incoming', 'b')]);
    expect(nextDialogs(both, [call('active', 'incoming', 'a')])).toEqual([
      { id: 'a', state: 'confirmed', direction: 'recipient' },
      { id: 'b', state: 'terminated', direction: 'recipient' },
    ]);
  });
});

describe('buildDialogInfo', () => {
  it('describes no calls as a full document with no dialogs', () => {
    const xml = buildDialogInfo({ entity: ENTITY, version: 4, dialogs: [] });
    expect(xml).toContain('<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="4" state="full"');
    expect(parseDialogInfo(xml)).toEqual({ ok: true, value: { state: 'full', version: 4, dialogs: [], callState: 'idle' } });
  });

  it.each<[PublishedDialog['state'], PublishedDialog['direction'], string]>([
    ['trying', 'initiator', 'ringing-out'],
    ['early', 'initiator', 'ringing-out'],
    ['early', 'recipient', 'ringing-in'],
    ['confirmed', 'recipient', 'busy'],
    ['terminated', 'initiator', 'idle'],
  ])('round-trips a %s dialog of the %s', (state, direction, expected) => {
    const xml = buildDialogInfo({ entity: ENTITY, version: 0, dialogs: [{ id: 'x', state, direction }] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(`<state>${state}</state>`);
    expect(xml).toContain(`direction="${direction}"`);
    const parsed = parseDialogInfo(xml);
    expect(parsed.ok && parsed.value.callState).toBe(expected);
  });

  it('names no remote party, call-id or tags', () => {
    const xml = buildDialogInfo({ entity: ENTITY, version: 1, dialogs: [{ id: 'x', state: 'confirmed', direction: 'initiator' }] });
    for (const leak of ['remote', 'call-id', 'local-tag', 'remote-tag', 'identity']) expect(xml).not.toContain(leak);
  });

  it('escapes the dialog id and entity', () => {
    const xml = buildDialogInfo({
      entity: 'sip:"x"@y',
      version: 1,
      dialogs: [{ id: '<a&b>', state: 'confirmed', direction: 'initiator' }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('id="&lt;a&amp;b&gt;"');
  });

  it('refuses a version that is not a non-negative integer, and an empty dialog id', () => {
    expect(() => buildDialogInfo({ entity: ENTITY, version: -1, dialogs: [] })).toThrow(RangeError);
    expect(() => buildDialogInfo({ entity: ENTITY, version: 1.5, dialogs: [] })).toThrow(RangeError);
    expect(() => buildDialogInfo({ entity: ENTITY, version: 1, dialogs: [{ id: '', state: 'early', direction: 'recipient' }] })).toThrow(
      RangeError,
    );
  });
});
