// Characters XML 1.0 cannot carry at all, not even as character references; lone surrogates included.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripNonXmlChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

export function escapeXmlText(value: string): string {
  return stripNonXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(value: string): string {
  return (
    escapeXmlText(value)
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Attribute-value normalisation would turn raw tabs and line breaks into spaces.
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}

/** xs:dateTime in UTC, as RFC 3863 timestamps and RFC 4480 `until` expect. */
export function xmlDateTime(epochMs: number, field: string): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`${field} must be a finite epoch time in milliseconds`);
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${field} is outside the representable date range`);
  return date.toISOString();
}
