import fc from 'fast-check';

/**
 * Breaks a valid value the ways a hostile or buggy caller would: one to three places in it get a
 * wrong type, an absurd number, control characters, a 10 MB string, deep nesting, or keys named
 * `__proto__` and `constructor`; keys are added and removed.
 */

export const TEN_MB_STRING = 'x'.repeat(10 * 1024 * 1024);
const DEEP_LEVELS = 5_000;

function deeplyNested(kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < DEEP_LEVELS; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}
const DEEP_ARRAY = deeplyNested('array');
const DEEP_OBJECT = deeplyNested('object');

/** Own `__proto__` and `constructor` keys, as JSON.parse makes them. */
const pollutingObject = () =>
  JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as unknown;

const HOSTILE_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  1e300,
  9e15,
  8.64e15 + 1,
  2 ** 53,
  -(2 ** 53),
  -1,
  0,
  -0,
  0.5,
  5e-324,
  4294967296,
];
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'Lunch\u0007\u001b[2J',
  'a\r\nInjected: header',
  '\u2028\u2029',
  '\u202e\u0645evil',
  '\ud800',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../etc/passwd',
  '%00',
  '<x/>',
  '${}',
  '{end}',
];

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constant(TEN_MB_STRING) },
  { weight: 1, arbitrary: fc.constantFrom(DEEP_ARRAY, DEEP_OBJECT) },
  { weight: 2, arbitrary: fc.constant(null).map(pollutingObject) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [[]], { length: 1e9 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
  { weight: 1, arbitrary: fc.double() },
);

type Path = (string | number)[];

/** Every place in a value: the root, each key, each item. Bounded, so a deep value costs nothing. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (out.length > 200 || prefix.length > 12 || typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value))
    pathsOf((value as Record<string, unknown>)[key], [...prefix, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

/** A copy with the place at `path` changed by `change`; own keys are set with defineProperty, so `__proto__` stays a key. */
function changeAt(value: unknown, path: Path, change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  if (typeof value !== 'object' || value === null) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  Object.defineProperty(copy, head, {
    value: changeAt((value as Record<string | number, unknown>)[head], rest, change),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

type Mutation =
  | { kind: 'replace'; pick: number; replacement: unknown }
  | { kind: 'add-key'; pick: number; key: string; replacement: unknown }
  | { kind: 'remove-key'; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), replacement: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      pick: fc.nat(),
      key: fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', TEN_MB_STRING.slice(0, 100_000)),
        fc.string({ maxLength: 8 }),
      ),
      replacement: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove-key' as const), pick: fc.nat() }) },
);

function apply(value: unknown, step: Mutation): unknown {
  const paths = pathsOf(value);
  const path = paths[step.pick % paths.length] ?? [];
  switch (step.kind) {
    case 'replace':
      return changeAt(value, path, () => step.replacement);
    case 'add-key':
      return changeAt(value, path, (old) => {
        if (typeof old !== 'object' || old === null) return old;
        const copy = (Array.isArray(old) ? [...old] : { ...old }) as Record<string, unknown>;
        // An array's `length` cannot be redefined; that mutation leaves the value as it was.
        Reflect.defineProperty(copy, step.key, { value: step.replacement, enumerable: true, writable: true, configurable: true });
        return copy;
      });
    case 'remove-key': {
      if (path.length === 0) return undefined;
      const parentPath = path.slice(0, -1);
      const key = path[path.length - 1] as string | number;
      return changeAt(value, parentPath, (parent) => {
        if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return parent;
        const copy = { ...parent } as Record<string | number, unknown>;
        delete copy[key];
        return copy;
      });
    }
  }
}

/** The valid values of `valid`, and as often those values broken in one to three places. */
export function attacksOn(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const broken = fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([value, steps]) => steps.reduce(apply, value));
  return fc.oneof({ weight: 1, arbitrary: valid }, { weight: 3, arbitrary: broken });
}
