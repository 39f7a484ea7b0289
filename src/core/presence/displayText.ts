export const MAX_NOTE_CHARS = 500;
export const MAX_PROFILE_NAME_CHARS = 100;

// C0 and C1 controls and DEL, plus bidirectional embedding/override/isolate controls, which can make
// a received name render as different text (the "Trojan Source" trick).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Received text made safe to show as plain text: controls stripped, whitespace (tabs, line breaks)
 * collapsed to single spaces, and cut to `maxChars` code points with an ellipsis as the last one.
 * Markup is left as the literal characters; the UI renders text, never HTML.
 */
export function toDisplayText(raw: string, maxChars: number): string {
  const cleaned = raw.replace(INVISIBLE_CONTROLS, '').replace(/\s+/g, ' ').trim();
  const codePoints = Array.from(cleaned);
  if (codePoints.length <= maxChars) return cleaned;
  return `${codePoints
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}…`;
}
