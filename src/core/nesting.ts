/**
 * Far deeper than any request, settings file or provisioning file of ours nests; zod's checks
 * recurse, so a value nested thousands deep would overflow the stack instead of being refused.
 */
export const MAX_NESTING_DEPTH = 32;

/** Whether `value` nests objects or arrays more than `MAX_NESTING_DEPTH` levels deep, found without recursion. */
export function nestedTooDeep(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_NESTING_DEPTH) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
