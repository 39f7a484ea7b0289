import { describe, expect, it } from 'vitest';
import {
  MAX_DOCUMENT_BYTES,
  MAX_ELEMENT_DEPTH,
  MAX_NOTE_CHARS,
  parsePresence,
  type PresenceErrorCode,
} from '../../../src/core/presence/parse';
import { buildPidf } from '../../../src/core/presence/pidf';
import { pidfInput } from './fixtures';

const HEAD =
  '<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:pp="urn:x-profiltelefon:presence" entity="sip:x@y">';
const withNote = (noteXml: string) =>
  `${HEAD}<tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p"><dm:note>${noteXml}</dm:note></dm:person></presence>`;

function expectError(xml: unknown, code: PresenceErrorCode) {
  const result = parsePresence(xml as string);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message).not.toBe('');
  }
}

function noteOf(xml: string): string | null {
  const result = parsePresence(xml);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value.note;
}

describe('parsePresence refuses hostile documents', () => {
  it.each([
    ['an unclosed element', `${HEAD}<tuple id="t"><status><basic>open</basic></status></presence>`],
    ['mismatched tags', `${HEAD}<tuple></note></presence>`],
    ['plain text', 'hello, I am not XML'],
    ['two root elements', `${HEAD}</presence>${HEAD}</presence>`],
    ['text after the root', `${HEAD}</presence>trailing`],
    ['an undeclared prefix', `${HEAD}<zz:person/></presence>`],
    ['an unknown entity', withNote('&lol;')],
    ['a bare ampersand', withNote('fish & chips')],
    ['a character reference XML forbids', withNote('&#1;')],
    ['a character reference beyond Unicode', withNote('&#x110000;')],
    ['a duplicated attribute', '<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="a" entity="b"/>'],
    ['an element named like a prototype key', `${HEAD}<constructor/></presence>`],
    ['an empty prefix declaration', '<p:presence xmlns:p=""/>'],
  ])('%s → presence-malformed', (_label, xml) => expectError(xml, 'presence-malformed'));

  it('refuses a truncated document', () => {
    const xml = buildPidf(pidfInput({ message: 'hej' }));
    for (const cut of [1, 10, Math.floor(xml.length / 2), xml.length - 1]) expectError(xml.slice(0, cut), 'presence-malformed');
  });

  it('refuses a body that is not text', () => {
    expectError(undefined, 'presence-malformed');
    expectError(42, 'presence-malformed');
  });

  it.each([
    ['HTML', '<html><body>hi</body></html>'],
    ['presence in no namespace', '<presence entity="sip:x@y"><tuple id="t"/></presence>'],
    ['presence in another namespace', '<presence xmlns="urn:ietf:params:xml:ns:cpim-pidf-wrong"/>'],
    ['dialog-info', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full"/>'],
  ])('%s → presence-not-pidf', (_label, xml) => expectError(xml, 'presence-not-pidf'));

  describe('size', () => {
    it('accepts a body of exactly the limit', () => {
      const filler = 'a'.repeat(MAX_DOCUMENT_BYTES - withNote('').length);
      const xml = withNote(filler);
      expect(new TextEncoder().encode(xml).length).toBe(MAX_DOCUMENT_BYTES);
      expect(noteOf(xml)?.length).toBe(MAX_NOTE_CHARS);
    });

    it('refuses a body one byte over the limit', () => {
      expectError(withNote('a'.repeat(MAX_DOCUMENT_BYTES - withNote('').length + 1)), 'presence-too-large');
    });

    it('counts bytes, not characters', () => {
      const xml = withNote('å'.repeat(MAX_DOCUMENT_BYTES / 2));
      expect(xml.length).toBeLessThan(MAX_DOCUMENT_BYTES);
      expectError(xml, 'presence-too-large');
    });

    it('reads a 100 kB note and cuts it to a sensible length', () => {
      const note = noteOf(withNote('<b>lång</b> '.repeat((100 * 1024) / 12)));
      expect(note).toHaveLength(MAX_NOTE_CHARS);
      expect(note?.startsWith('lång lång')).toBe(true);
      expect(note?.endsWith('…')).toBe(true);
    });

    it('reads thousands of tuples within the limit, and refuses more than the limit holds', () => {
      const tuples = (count: number) =>
        `${HEAD}${Array.from({ length: count }, (_, index) => `<tuple id="t${index}"><status><basic>closed</basic></status></tuple>`).join('')}` +
        '<tuple id="last"><status><basic>open</basic></status></tuple></presence>';
      const many = parsePresence(tuples(3000));
      expect(many.ok && many.value.basic).toBe('open');
      expectError(tuples(10_000), 'presence-too-large');
    });

    it('refuses a huge body before parsing it', () => {
      expectError(withNote('x'.repeat(50 * 1024 * 1024)), 'presence-too-large');
    });
  });

  describe('DTDs and entities', () => {
    const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
${withNote('&lol9;')}`;

    it('refuses billion laughs', () => expectError(BILLION_LAUGHS, 'presence-doctype-forbidden'));

    it('refuses an external entity', () => {
      expectError(`<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${withNote('&xxe;')}`, 'presence-doctype-forbidden');
    });

    it('refuses a DOCTYPE without an internal subset, in any case', () => {
      expectError(`<!doctype presence>${withNote('x')}`, 'presence-doctype-forbidden');
      expectError(`<!DOCTYPE presence SYSTEM "http://evil.example/p.dtd">${withNote('x')}`, 'presence-doctype-forbidden');
    });

    it('refuses an entity declaration outside a DOCTYPE', () => {
      expectError(`<!ENTITY a "b">${withNote('x')}`, 'presence-doctype-forbidden');
    });

    it('decodes the predefined entities and character references once, never recursively', () => {
      expect(noteOf(withNote('&amp;lt;b&amp;gt; &#60;i&#x3E; &quot;&apos;'))).toBe(`&lt;b&gt; <i> "'`);
    });
  });

  describe('depth', () => {
    const nested = (depth: number) => `${HEAD}${'<x>'.repeat(depth - 1)}${'</x>'.repeat(depth - 1)}</presence>`;

    it(`accepts ${MAX_ELEMENT_DEPTH} levels`, () => {
      expect(parsePresence(nested(MAX_ELEMENT_DEPTH)).ok).toBe(true);
    });

    it(`refuses ${MAX_ELEMENT_DEPTH + 1} levels`, () => expectError(nested(MAX_ELEMENT_DEPTH + 1), 'presence-too-deep'));

    it('refuses thousands of levels without exhausting the stack', () => expectError(nested(8000), 'presence-too-deep'));
  });
});

describe('parsePresence returns notes as plain text', () => {
  it('returns escaped markup as its literal characters', () => {
    expect(noteOf(withNote('&lt;b&gt;hi&lt;/b&gt;'))).toBe('<b>hi</b>');
    expect(noteOf(withNote('&lt;script&gt;alert(1)&lt;/script&gt;'))).toBe('<script>alert(1)</script>');
  });

  it('keeps only the text of child elements inside a note', () => {
    expect(noteOf(withNote('Hej <script>alert(1)</script><b>där</b>'))).toBe('Hej alert(1)där');
    expect(noteOf(withNote('<img src="x" onerror="alert(1)"/>Lunch'))).toBe('Lunch');
  });

  it('returns CDATA literally', () => {
    expect(noteOf(withNote('<![CDATA[<img src=x onerror=alert(1)> &amp;]]>'))).toBe('<img src=x onerror=alert(1)> &amp;');
  });

  it('strips control and bidi-override characters and collapses whitespace', () => {
    expect(noteOf(withNote('Hej\u0007\u0085 \u202Edär\u202C\n\tnu\r\n'))).toBe('Hej där nu');
  });

  it(`truncates notes over ${MAX_NOTE_CHARS} characters with an ellipsis`, () => {
    const note = noteOf(withNote('ö'.repeat(5000)));
    expect(note).toHaveLength(MAX_NOTE_CHARS);
    expect(note?.endsWith('…')).toBe(true);
    expect(noteOf(withNote('ö'.repeat(MAX_NOTE_CHARS)))).toBe('ö'.repeat(MAX_NOTE_CHARS));
  });

  it('never splits a surrogate pair when truncating', () => {
    const note = noteOf(withNote('😀'.repeat(600))) ?? '';
    expect(Array.from(note)).toHaveLength(MAX_NOTE_CHARS);
    expect(note).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('bounds profile names and strips their controls too', () => {
    const result = parsePresence(`${HEAD}<pp:profile number="4">\u202Egnillac\u0000 ${'n'.repeat(400)}</pp:profile></presence>`);
    expect(result.ok && result.value.profileName?.startsWith('gnillac n')).toBe(true);
    expect(result.ok && Array.from(result.value.profileName ?? '').length).toBeLessThanOrEqual(100);
  });

  it('refuses prototype-key attribute names and never pollutes prototypes', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      expectError(`${HEAD}<pp:profile ${name}="x" number="1">P</pp:profile></presence>`, 'presence-malformed');
    }
    const prefixed = parsePresence(
      `${HEAD}<pp:profile xmlns:__proto__="urn:a" __proto__:polluted="1" toString="2" number="1">P</pp:profile></presence>`,
    );
    expect(prefixed.ok && prefixed.value.profileName).toBe('P');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('x');
  });
});
