/**
 * Whether a Content-Type header names `expected` (RFC 3261 §20.15: type and subtype are
 * case-insensitive; parameters such as charset do not change the type).
 */
export function hasMediaType(header: string | null, expected: string): boolean {
  if (header === null) return false;
  const [mediaType = ''] = header.split(';');
  return mediaType.trim().toLowerCase() === expected.toLowerCase();
}
