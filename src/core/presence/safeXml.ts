import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CodedError, Result } from '../errors';
import { XML_NS } from './namespaces';

/**
 * Presence bodies are a few KiB. The limit is well above that so that a client sending an overlong note
 * (100 kB, say) is still shown, with the note cut to MAX_NOTE_CHARS; parsing this much takes a few ms.
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024;
/** PIDF and dialog-info nest about five deep; the limit leaves room for extensions and no more. */
export const MAX_ELEMENT_DEPTH = 32;

export type XmlErrorCode = 'presence-too-large' | 'presence-malformed' | 'presence-doctype-forbidden' | 'presence-too-deep';

export interface XmlElement {
  kind: 'element';
  /** Resolved namespace URI; null when the element is in no namespace. */
  namespace: string | null;
  localName: string;
  /** Keyed by local name for attributes in no namespace, `{uri}local` otherwise. */
  attributes: ReadonlyMap<string, string>;
  children: XmlNode[];
}

export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

const failure = <Code extends string>(code: Code, message: string): { ok: false; error: { code: Code; message: string } } => ({
  ok: false,
  error: { code, message },
});

class XmlRejected extends Error {
  constructor(
    readonly code: XmlErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// DTD declarations are the only way to define entities (billion laughs, external entities); a presence
// document never needs one, so any of them, even inside a comment or CDATA, ends parsing before the XML
// library sees the text.
const DTD_DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // No entity processing inside the library at all: references are decoded below, where only the five
  // predefined entities and character references exist, so nothing can expand.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_ELEMENT_DEPTH,
});

/**
 * Parses untrusted XML into a namespace-resolved tree, or says why it was refused. The caller handles
 * an empty body; here it is malformed.
 */
export function parseUntrustedXml(xml: unknown): Result<XmlElement, CodedError<XmlErrorCode>> {
  if (typeof xml !== 'string') return failure('presence-malformed', 'The body is not text.');
  if (exceedsUtf8Bytes(xml, MAX_DOCUMENT_BYTES)) {
    return failure('presence-too-large', `The body is larger than ${MAX_DOCUMENT_BYTES} bytes.`);
  }
  if (DTD_DECLARATION.test(xml)) {
    return failure('presence-doctype-forbidden', 'The body contains a DOCTYPE or entity declaration.');
  }
  const body = xml.replace(/^\uFEFF/, '').trim();
  if (body === '') return failure('presence-malformed', 'The body is empty.');

  const validation = XMLValidator.validate(body);
  if (validation !== true) {
    return failure('presence-malformed', `The body is not well-formed XML: ${validation.err.msg}`);
  }

  let ordered: unknown;
  try {
    ordered = parser.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(message)) {
      return failure('presence-too-deep', `Elements are nested deeper than ${MAX_ELEMENT_DEPTH} levels.`);
    }
    return failure('presence-malformed', `The body could not be parsed: ${message}`);
  }

  try {
    return { ok: true, value: buildTree(ordered) };
  } catch (error) {
    if (error instanceof XmlRejected) return failure(error.code, error.message);
    throw error;
  }
}

function exceedsUtf8Bytes(value: string, limit: number): boolean {
  // A UTF-16 code unit never encodes to fewer bytes than one, nor to more than three.
  if (value.length > limit) return true;
  if (value.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

type Scope = ReadonlyMap<string, string>;
type OrderedEntry = Record<string, unknown>;

const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';
const INITIAL_SCOPE: Scope = new Map([['xml', XML_NS]]);

function buildTree(ordered: unknown): XmlElement {
  const roots: XmlElement[] = [];
  for (const entry of asEntries(ordered)) {
    const node = buildNode(entry, INITIAL_SCOPE, 1);
    if (node === null) continue;
    if (node.kind === 'text') {
      if (node.text.trim() !== '') throw new XmlRejected('presence-malformed', 'Text outside the root element.');
      continue;
    }
    roots.push(node);
  }
  const [root, ...others] = roots;
  if (root === undefined) throw new XmlRejected('presence-malformed', 'The body has no root element.');
  if (others.length > 0) throw new XmlRejected('presence-malformed', 'The body has more than one root element.');
  return root;
}

function asEntries(value: unknown): OrderedEntry[] {
  if (!Array.isArray(value)) throw new XmlRejected('presence-malformed', 'Unexpected parser output.');
  return value.filter((entry): entry is OrderedEntry => typeof entry === 'object' && entry !== null);
}

function buildNode(entry: OrderedEntry, scope: Scope, depth: number): XmlNode | null {
  const tagName = Object.keys(entry).find((key) => key !== ATTRIBUTES_KEY);
  if (tagName === undefined) return null;
  const content = entry[tagName];
  if (tagName === TEXT_KEY) return { kind: 'text', text: decodeReferences(String(content)) };
  if (tagName === CDATA_KEY) {
    // CDATA is literal: no reference decoding.
    const cdata = asEntries(content)
      .map((part) => (typeof part[TEXT_KEY] === 'string' ? part[TEXT_KEY] : ''))
      .join('');
    return { kind: 'text', text: cdata };
  }
  if (depth > MAX_ELEMENT_DEPTH) {
    throw new XmlRejected('presence-too-deep', `Elements are nested deeper than ${MAX_ELEMENT_DEPTH} levels.`);
  }

  const rawAttributes = readRawAttributes(entry[ATTRIBUTES_KEY]);
  const elementScope = declareNamespaces(rawAttributes, scope);
  const name = splitQName(tagName);
  const namespace = resolvePrefix(name.prefix, elementScope, true);

  const attributes = new Map<string, string>();
  for (const [rawName, rawValue] of rawAttributes) {
    if (rawName === 'xmlns' || rawName.startsWith('xmlns:')) continue;
    const attributeName = splitQName(rawName);
    // Unprefixed attributes are in no namespace, whatever the default namespace is.
    const attributeNamespace = attributeName.prefix === null ? null : resolvePrefix(attributeName.prefix, elementScope, false);
    const key = attributeNamespace === null ? attributeName.localName : `{${attributeNamespace}}${attributeName.localName}`;
    attributes.set(key, rawValue);
  }

  const children: XmlNode[] = [];
  for (const child of asEntries(content)) {
    const node = buildNode(child, elementScope, depth + 1);
    if (node !== null) children.push(node);
  }
  return { kind: 'element', namespace, localName: name.localName, attributes, children };
}

function readRawAttributes(value: unknown): Map<string, string> {
  const attributes = new Map<string, string>();
  if (typeof value !== 'object' || value === null) return attributes;
  for (const [name, raw] of Object.entries(value)) {
    attributes.set(name, decodeReferences(String(raw)));
  }
  return attributes;
}

function declareNamespaces(attributes: ReadonlyMap<string, string>, scope: Scope): Scope {
  let declared: Map<string, string> | null = null;
  for (const [name, value] of attributes) {
    let prefix: string;
    if (name === 'xmlns') prefix = '';
    else if (name.startsWith('xmlns:')) prefix = name.slice('xmlns:'.length);
    else continue;
    if (prefix === 'xmlns' || prefix === 'xml' || (prefix !== '' && value === '')) {
      throw new XmlRejected('presence-malformed', `Invalid namespace declaration ${name}.`);
    }
    declared ??= new Map(scope);
    declared.set(prefix, value);
  }
  return declared ?? scope;
}

function splitQName(qname: string): { prefix: string | null; localName: string } {
  const parts = qname.split(':');
  if (parts.length === 1) return { prefix: null, localName: qname };
  const [prefix, localName] = parts;
  if (parts.length !== 2 || !prefix || !localName) throw new XmlRejected('presence-malformed', `Invalid name ${qname}.`);
  return { prefix, localName };
}

function resolvePrefix(prefix: string | null, scope: Scope, isElement: boolean): string | null {
  if (prefix === null) {
    const defaultNamespace = isElement ? scope.get('') : undefined;
    return defaultNamespace === undefined || defaultNamespace === '' ? null : defaultNamespace;
  }
  const namespace = scope.get(prefix);
  if (namespace === undefined) throw new XmlRejected('presence-malformed', `Undeclared namespace prefix ${prefix}.`);
  return namespace;
}

const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the five predefined entities and character references; any other `&` is malformed. */
function decodeReferences(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new XmlRejected('presence-malformed', 'A bare & in text.');
    const predefined = PREDEFINED_ENTITIES.get(name);
    if (predefined !== undefined) return predefined;
    const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (numeric === null) throw new XmlRejected('presence-malformed', `Unknown entity &${name.slice(0, 20)};.`);
    const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '', 10);
    if (!isXmlChar(codePoint)) throw new XmlRejected('presence-malformed', `Character reference ${name} is not allowed in XML.`);
    return String.fromCodePoint(codePoint);
  });
}

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}
