import { describe, expect, it } from 'vitest';
import { applyAccountPatch } from '../../../src/core/account/patch';
import { priorityInputFromText } from '../../../src/core/account/priorityAccess';
import { decideIncoming } from '../../../src/core/phone/incomingDecision';
import { callerIdentities } from '../../../src/core/phone/remoteParty';
import { account, profile } from './fixtures';

const NOW = Date.UTC(2025, 2, 10, 11, 0);
const directory = [
  { name: 'Alice Andersson', uri: 'sip:alice@example.se' },
  { name: 'Carol Carlsson', uri: 'sip:carol@example.se' },
];
const withPriority = account({
  directory,
  priorityAccess: [
    { kind: 'colleague', name: 'Alice Andersson', uri: 'sip:alice@example.se' },
    { kind: 'number', number: '+46701234567' },
  ],
});
const meeting = profile('meeting');

function decide(headers: { from: string; pAssertedIdentity?: string; privacy?: string }, busy = false) {
  const caller = callerIdentities({
    from: headers.from,
    pAssertedIdentity: headers.pAssertedIdentity ?? null,
    privacy: headers.privacy ?? null,
  });
  return decideIncoming({
    profile: meeting,
    account: withPriority,
    busy,
    caller,
    line: 'own',
    until: NOW + 3_600_000,
    now: NOW,
    timeZone: 'Europe/Stockholm',
  }).decision;
}

describe('priority access', () => {
  it('lets a colleague on the list ring through Möte, by the From the PBX authenticated', () => {
    expect(meeting.incoming.action.kind).toBe('announcement');
    expect(decide({ from: '"Alice" <sip:alice@EXAMPLE.se>;tag=1' }).kind).toBe('ring');
  });

  it('recognises a colleague presenting a number: the From still names him', () => {
    expect(decide({ from: '<sip:alice@example.se>;tag=1', pAssertedIdentity: '<sip:+46812345601@example.se>' }).kind).toBe('ring');
  });

  it('lets a number on the list ring, as the PBX asserts it', () => {
    expect(decide({ from: '<sip:gateway@trunk.example.net>;tag=1', pAssertedIdentity: '<tel:+46701234567>' }).kind).toBe('ring');
  });

  it('rings softly, as a waiting call, when the user is in another call', () => {
    expect(decide({ from: '<sip:alice@example.se>;tag=1' }, true)).toMatchObject({ kind: 'ring', callWaiting: true });
  });

  it('gives everyone else the profile’s announcement', () => {
    expect(decide({ from: '<sip:carol@example.se>;tag=1' }).kind).toBe('announce');
    expect(decide({ from: '<sip:+46701234568@example.se>;tag=1' }).kind).toBe('announce');
  });

  it('never takes the display name as the caller', () => {
    expect(decide({ from: '"sip:alice@example.se" <sip:mallory@example.se>;tag=1' }).kind).toBe('announce');
    expect(decide({ from: '"Alice Andersson" <sip:mallory@example.se>;tag=1' }).kind).toBe('announce');
  });

  it('does not recognise a caller who withholds his identity', () => {
    expect(decide({ from: '<sip:alice@example.se>;tag=1', privacy: 'id' }).kind).toBe('announce');
    expect(decide({ from: '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1', pAssertedIdentity: '<sip:alice@example.se>' }).kind).toBe(
      'announce',
    );
  });
});

describe('editing the priority list', () => {
  const base = account({ directory });

  it('takes a colleague by his name in the directory, or a number', () => {
    expect(priorityInputFromText('  carol carlsson ', directory)).toEqual({
      ok: true,
      value: { kind: 'colleague', uri: 'sip:carol@example.se' },
    });
    expect(priorityInputFromText('070-123 45 67', directory)).toEqual({ ok: true, value: { kind: 'number', number: '070-123 45 67' } });
  });

  it('refuses a name not in the directory, an ambiguous name and an empty field', () => {
    expect(priorityInputFromText('Dave', directory)).toMatchObject({ ok: false, error: { code: 'priority-not-found' } });
    expect(
      priorityInputFromText('alice andersson', [...directory, { name: 'Alice Andersson', uri: 'sip:alice2@example.se' }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'priority-colleague-ambiguous' },
    });
    expect(priorityInputFromText('  ', directory)).toMatchObject({ ok: false, error: { code: 'priority-empty' } });
  });

  it('stores numbers in E.164 and colleagues with their directory name', () => {
    const patched = applyAccountPatch(base, {
      priorityAccess: [
        { kind: 'colleague', uri: 'sips:carol@example.se' },
        { kind: 'number', number: '070-123 45 67' },
      ],
    });
    expect(patched.ok && patched.value.priorityAccess).toEqual([
      { kind: 'colleague', name: 'Carol Carlsson', uri: 'sip:carol@example.se' },
      { kind: 'number', number: '+46701234567' },
    ]);
  });

  it('refuses a bad number, a stranger, a duplicate and a list over 50 at their entries, and changes nothing', () => {
    const refused = applyAccountPatch(base, {
      priorityAccess: [
        { kind: 'number', number: '12345' },
        { kind: 'colleague', uri: 'sip:dave@example.se' },
        { kind: 'number', number: '+46 70 123 45 67' },
        { kind: 'number', number: '0701234567' },
      ],
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.details?.map((error) => [error.code, error.field])).toEqual([
      ['number-invalid', 'priorityAccess.0'],
      ['priority-colleague-unknown', 'priorityAccess.1'],
      ['priority-duplicate', 'priorityAccess.3'],
    ]);
    const tooMany = applyAccountPatch(base, {
      priorityAccess: Array.from({ length: 51 }, (_, index) => ({
        kind: 'number' as const,
        number: `070123${String(index).padStart(4, '0')}`,
      })),
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'priority-list-full', field: 'priorityAccess' } });
    expect(base.priorityAccess).toEqual([]);
  });

  it('keeps a colleague on the list when he has left the directory', () => {
    const listed = account({
      directory: [],
      priorityAccess: [{ kind: 'colleague', name: 'Alice Andersson', uri: 'sip:alice@example.se' }],
    });
    const patched = applyAccountPatch(listed, {
      priorityAccess: [
        { kind: 'colleague', uri: 'sip:alice@example.se' },
        { kind: 'number', number: '0701234567' },
      ],
    });
    expect(patched.ok && patched.value.priorityAccess).toHaveLength(2);
  });
});
