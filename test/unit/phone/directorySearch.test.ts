import { describe, expect, it } from 'vitest';
import { colleagueAt, colleaguesNamed, foldForSearch, namedFromDirectory, searchDirectory } from '../../../src/core/phone/directorySearch';

const directory = [
  { name: 'Örjan Öst', uri: 'sip:orjan@example.se' },
  { name: 'Bertil Svensson', uri: 'sip:bertil@example.se' },
  { name: 'Åsa Berg', uri: 'sip:asa@example.se' },
  { name: 'Anna Ek', uri: 'sip:+46812345601@example.se' },
  { name: 'Bengt Ahl', uri: 'sip:201@example.se' },
  { name: 'Zlatan Berglund', uri: 'sip:zlatan@example.se' },
];
const names = (typed: string) => searchDirectory(directory, typed).map((colleague) => colleague.name);

describe('searchDirectory', () => {
  it('finds a colleague by the start of his name, whatever the case', () => {
    expect(names('bertil')).toEqual(['Bertil Svensson']);
    expect(names('BERT')).toEqual(['Bertil Svensson']);
  });

  it('ignores accents: "orjan" finds Örjan, "asa" finds Åsa', () => {
    expect(names('orjan')).toEqual(['Örjan Öst']);
    expect(names('asa')).toEqual(['Åsa Berg']);
    expect(foldForSearch('  Örjan   ÖST ')).toBe('orjan ost');
  });

  it('puts names that start with the text before names with a word that does, in Swedish order', () => {
    // "Bengt" and "Bertil" start with "be"; "Åsa Berg" and "Zlatan Berglund" have a word that does.
    expect(names('be')).toEqual(['Bengt Ahl', 'Bertil Svensson', 'Zlatan Berglund', 'Åsa Berg']);
  });

  it('matches every typed word against the words of the name', () => {
    expect(names('ber sv')).toEqual(['Bertil Svensson']);
    expect(names('sv ber')).toEqual(['Bertil Svensson']);
    expect(names('ber xy')).toEqual([]);
  });

  it('finds a colleague by his number or extension however it is written', () => {
    expect(names('08-123 456')).toEqual(['Anna Ek']);
    expect(names('201')).toEqual(['Bengt Ahl']);
    expect(names('sip:bertil')).toEqual(['Bertil Svensson']);
  });

  it('offers nothing for empty text or nobody, and at most the limit', () => {
    expect(names('   ')).toEqual([]);
    expect(names('qqq')).toEqual([]);
    expect(searchDirectory(directory, 'e', 2)).toHaveLength(2);
  });
});

describe('colleaguesNamed', () => {
  it('finds a colleague by his whole name or address user, accents aside', () => {
    expect(colleaguesNamed(directory, 'bertil svensson').map((colleague) => colleague.uri)).toEqual(['sip:bertil@example.se']);
    expect(colleaguesNamed(directory, 'bertil').map((colleague) => colleague.uri)).toEqual(['sip:bertil@example.se']);
    expect(colleaguesNamed(directory, 'orjan ost')).toHaveLength(1);
    expect(colleaguesNamed(directory, 'bert')).toEqual([]);
  });

  it('returns every colleague of a shared name', () => {
    expect(colleaguesNamed([...directory, { name: 'Bertil Svensson', uri: 'sip:bertil2@example.se' }], 'Bertil Svensson')).toHaveLength(2);
  });
});

describe('colleagueAt and namedFromDirectory', () => {
  it('recognises a colleague by address, scheme, host case, port and parameters aside', () => {
    expect(colleagueAt(directory, 'sips:bertil@EXAMPLE.se:5061;transport=ws')?.name).toBe('Bertil Svensson');
    expect(colleagueAt(directory, 'sip:bertil@other.se')).toBeNull();
    expect(colleagueAt(directory, '')).toBeNull();
  });

  it('names a caller as the directory does, over the display name he sends; others keep theirs', () => {
    const caller = { number: null, name: 'B', uri: 'sip:bertil@example.se', anonymous: false };
    expect(namedFromDirectory(caller, directory).name).toBe('Bertil Svensson');
    const byNumber = { number: '+46812345609', name: '', uri: 'sip:+46812345609@example.se', anonymous: false };
    expect(namedFromDirectory(byNumber, directory, ['sip:bertil@example.se']).name).toBe('Bertil Svensson');
    const stranger = { number: null, name: 'Okänd Person', uri: 'sip:x@example.se', anonymous: false };
    expect(namedFromDirectory(stranger, directory)).toBe(stranger);
    const hidden = { number: null, name: '', uri: '', anonymous: true };
    expect(namedFromDirectory(hidden, directory)).toBe(hidden);
  });
});
