import { describe, expect, it } from 'vitest';
import { applyDialogInfo, callStateOfDialogState } from '../../../src/core/presence/dialogState';
import { parseDialogInfo } from '../../../src/core/presence/parse';

const info = (state: 'full' | 'partial', version: number, dialogs: string) => {
  const result = parseDialogInfo(
    `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="${state}" entity="sip:dave@example.se">${dialogs}</dialog-info>`,
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const dialog = (id: string, state: string, direction = 'recipient') =>
  `<dialog id="${id}" direction="${direction}"><state>${state}</state></dialog>`;

describe('applyDialogInfo', () => {
  it('follows a desk phone from ringing to a call to idle', () => {
    let state = applyDialogInfo(null, info('full', 0, dialog('a', 'early')));
    expect(callStateOfDialogState(state)).toBe('ringing-in');
    state = applyDialogInfo(state, info('full', 1, dialog('a', 'confirmed')));
    expect(callStateOfDialogState(state)).toBe('busy');
    state = applyDialogInfo(state, info('full', 2, dialog('a', 'terminated')));
    expect(state.dialogs).toEqual([]);
    expect(callStateOfDialogState(state)).toBe('idle');
  });

  it('merges partial documents by dialog id', () => {
    let state = applyDialogInfo(null, info('full', 3, dialog('a', 'confirmed') + dialog('b', 'early')));
    state = applyDialogInfo(state, info('partial', 4, dialog('a', 'terminated')));
    expect(state.dialogs.map((d) => d.id)).toEqual(['b']);
    expect(callStateOfDialogState(state)).toBe('ringing-in');
  });

  it('ignores a document older than the last one', () => {
    const state = applyDialogInfo(null, info('full', 5, dialog('a', 'confirmed')));
    expect(applyDialogInfo(state, info('full', 4, ''))).toBe(state);
    expect(callStateOfDialogState(state)).toBe('busy');
  });
});
