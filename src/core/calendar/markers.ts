/**
 * The profile marker in a meeting title.
 *
 * Always: `#N` or `[N]`, N being 1 to 3 ASCII digits worth 1–999, standing anywhere in the title
 * as a word of its own:
 * - before it: the start of the title, white space or `(`;
 * - after it: the end of the title, white space, `)`, or one of `, . : ; ! ?` that is itself
 *   followed by white space or the end.
 * So `#3 Styrelsemöte`, `Styrelsemöte #3`, `[3] Styrelsemöte`, `Möte (#3)` and `#3: Möte` carry 3;
 * `#3a`, `C#3`, `##3`, `#3.5`, `[3]Möte`, `#1000`, `#0` and `issue #` carry nothing.
 * With several markers the first one counts.
 *
 * With the short forms on (a calendar setting, off by default), two more, as Nordic switchboards
 * write them:
 * - a code and a colon at the start: optional white space, N (1–3 ASCII digits worth 1–999), `:`
 *   at once, then white space or the end. `3: Styrelsemöte` and ` 12:` carry 3 and 12;
 *   `10:30 Möte`, `3:Möte`, `3 : Möte`, `Möte 3: x`, `0: x` and `1000: x` carry nothing. A `#N`
 *   or `[N]` anywhere in the title comes first.
 * - "information only, do not switch": `[i]` or `(info)`, any case, as a word of its own (same
 *   neighbours as above). Such an event switches nothing, whatever other marker it carries, and
 *   is not counted as busy either: `[i] #3 Kundbesök` and `Planering (info)` switch nothing.
 */
const MARKER = /(?<=^|[\s(])(?:#(\d{1,3})|\[(\d{1,3})\])(?=$|[\s)]|[,.:;!?](?:$|\s))/gu;
const LEADING_CODE = /^\s*(\d{1,3}):(?=$|\s)/u;
const INFORMATION_ONLY = /(?<=^|[\s(])(?:\[i\]|\(info\))(?=$|[\s)]|[,.:;!?](?:$|\s))/iu;

export interface MarkerRules {
  /** The leading `N:` code and the `[i]` / `(info)` mark. */
  shortForms: boolean;
}

/** What a title asks of the calendar: a profile, nothing (so far as markers go), or explicitly nothing. */
export type MarkerReading = { kind: 'profile'; number: number } | { kind: 'none' } | { kind: 'information-only' };

export function findMarker(title: string): number | null {
  for (const match of title.matchAll(MARKER)) {
    const value = Number(match[1] ?? match[2]);
    if (value >= 1 && value <= 999) return value;
  }
  return null;
}

export function readMarker(title: string, rules: MarkerRules): MarkerReading {
  if (rules.shortForms && INFORMATION_ONLY.test(title)) return { kind: 'information-only' };
  const number = findMarker(title) ?? (rules.shortForms ? leadingCode(title) : null);
  return number === null ? { kind: 'none' } : { kind: 'profile', number };
}

function leadingCode(title: string): number | null {
  const match = LEADING_CODE.exec(title);
  const value = match ? Number(match[1]) : 0;
  return value >= 1 && value <= 999 ? value : null;
}
