/**
 * Up to two letters for the "me" avatar: the first and last words of the display name, or the
 * start of the SIP user when there is no name. Empty when there is neither.
 */
export function initialsOf(displayName: string, sipUri: string): string {
  const words = displayName
    .trim()
    .split(/\s+/u)
    .filter((word) => /\p{L}|\p{N}/u.test(word));
  if (words.length > 0) {
    const first = firstLetter(words[0]!);
    const last = words.length > 1 ? firstLetter(words[words.length - 1]!) : '';
    return (first + last).toLocaleUpperCase();
  }
  const user = /^(?:sips?:)?([^@;]+)/iu.exec(sipUri.trim())?.[1] ?? '';
  return [...user.replace(/[^\p{L}\p{N}]/gu, '')].slice(0, 2).join('').toLocaleUpperCase();
}

function firstLetter(word: string): string {
  return [...word].find((character) => /\p{L}|\p{N}/u.test(character)) ?? '';
}
