/**
 * The profile marker in a meeting title.
 *
 * Rule: `#N` or `[N]`, N being 1 to 3 ASCII digits worth 1–999, standing anywhere in the title
 * as a word of its own:
 * - before it: the start of the title, white space or `(`;
 * - after it: the end of the title, white space, `)`, or one of `, . : ; ! ?` that is itself
 *   followed by white space or the end.
 * So `#3 Styrelsemöte`, `Styrelsemöte #3`, `[3] Styrelsemöte`, `Möte (#3)` and `#3: Möte` carry 3;
 * `#3a`, `C#3`, `##3`, `#3.5`, `[3]Möte`, `#1000`, `#0` and `issue #` carry nothing.
 * With several markers the first one counts.
 */
const MARKER = /(?<=^|[\s(])(?:#(\d{1,3})|\[(\d{1,3})\])(?=$|[\s)]|[,.:;!?](?:$|\s))/gu;

export function findMarker(title: string): number | null {
  for (const match of title.matchAll(MARKER)) {
    const value = Number(match[1] ?? match[2]);
    if (value >= 1 && value <= 999) return value;
  }
  return null;
}
