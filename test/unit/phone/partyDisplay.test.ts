import { describe, expect, it } from 'vitest';
import { describeParty, partyLine } from '../../../src/core/phone/partyDisplay';

const labels = { hidden: 'Dolt nummer', unknown: 'Okänd' };

describe('describeParty', () => {
  it('shows the number first, nationally for Swedish numbers, the name beside it', () => {
    expect(describeParty({ number: '+46812345601', name: 'Alice', uri: 'sip:+46812345601@x', anonymous: false }, labels)).toEqual({
      primary: '08-123 456 01',
      secondary: 'Alice',
    });
    expect(partyLine({ number: '+442079460958', name: '', uri: '', anonymous: false }, labels)).toBe('+44 20 7946 0958');
  });

  it('names hidden, extension, SIP and unknown parties', () => {
    expect(partyLine({ number: null, name: '', uri: '', anonymous: true }, labels)).toBe('Dolt nummer');
    expect(describeParty({ number: null, name: 'Växeln', uri: 'sip:201@example.se', anonymous: false }, labels)).toEqual({
      primary: '201',
      secondary: 'Växeln',
    });
    expect(partyLine({ number: null, name: 'Bob', uri: 'sip:bob@example.se', anonymous: false }, labels)).toBe('Bob (bob@example.se)');
    expect(partyLine({ number: null, name: '', uri: 'sip:bob@example.se', anonymous: false }, labels)).toBe('bob@example.se');
    expect(partyLine({ number: null, name: '', uri: '', anonymous: false }, labels)).toBe('Okänd');
  });
});
