export const REDACTED = '[redacted]';

/** Patterns that carry a credential whatever its value: digest answers, passwords in JSON or config dumps, URL tokens. */
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  // RFC 2617/7616 digest: the response is a password hash anyone can attack offline.
  [/\b(response\s*=\s*)("[^"]*"|[^\s,]+)/gi, `$1"${REDACTED}"`],
  [/\b(cnonce\s*=\s*)("[^"]*"|[^\s,]+)/gi, `$1"${REDACTED}"`],
  [/\b((?:proxy-)?authorization\s*:\s*(?:basic|bearer)\s+)\S+/gi, `$1${REDACTED}`],
  [/("(?:password|ha1|token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
  [/\b((?:password|ha1)\s*[:=]\s*)(?!NOT SHOWN)\S+/gi, `$1${REDACTED}`],
  [/([?&]token=)[^&\s#"]+/gi, `$1${REDACTED}`],
];

function spellings(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}

/**
 * What a log line may keep: every known secret (the SIP password, the shell's token, meeting
 * titles), as typed, JSON-escaped or percent-encoded, and every credential-shaped value is replaced.
 */
export function redactLogText(text: string, secrets: Iterable<string>): string {
  let redacted = text;
  const known = [...secrets].filter((secret) => secret.trim() !== '').flatMap(spellings);
  // Longest first, so a title that contains a shorter secret is hidden whole.
  for (const secret of known.sort((a, b) => b.length - a.length)) redacted = redacted.split(secret).join(REDACTED);
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) redacted = redacted.replace(pattern, replacement);
  return redacted;
}
