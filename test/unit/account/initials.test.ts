import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../../src/core/account/initials';

describe('the initials in the "me" avatar', () => {
  it('takes the first and last words of the display name', () => {
    expect(initialsOf('Anna Maria Öberg', 'sip:anna@example.se')).toBe('AÖ');
    expect(initialsOf('  bertil  ', '')).toBe('B');
    expect(initialsOf('(Åsa) Lind', '')).toBe('ÅL');
  });

  it('falls back to the SIP user, and is empty with neither', () => {
    expect(initialsOf('', 'sip:kalle.k@127.0.0.1')).toBe('KA');
    expect(initialsOf(' - ', 'sips:1001@pbx')).toBe('10');
    expect(initialsOf('', '')).toBe('');
  });
});
