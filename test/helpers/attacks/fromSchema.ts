import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Values a zod schema (mostly) accepts, read from the schema's own definition: lengths, ranges,
 * patterns, enums, unions. Refinements a definition cannot show (a day named twice, a base
 * profile) are left to chance; the attacks mutate these values anyway.
 */

/** Real values the app knows, so that a generated request reaches past "not found" now and then. */
const DICTIONARY = [
  'available',
  'lunch',
  'meeting',
  'vacation',
  'sick',
  'left-for-the-day',
  'temporarily-out',
  'business-trip',
  '+46701234567',
  '070-123 45 67',
  '8800',
  'sip:bob@example.com',
  'wss://pbx.example.com/ws',
  'Europe/Stockholm',
  '08:00',
  '17:30',
  'Lunch',
  'Jag är på lunch',
  'sv',
  'en',
];

interface Def {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((check) => check._zod.def);

const GENERATED_TEXT_MAX = 40;
/** The test clock's day, and how far around it moments are drawn. */
const NOW = Date.UTC(2026, 10, 23, 8);
const NEAR_MS = 90 * 24 * 3_600_000;
const GENERATED_LIST_MAX = 4;

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  let minLength = 0;
  let maxLength = GENERATED_TEXT_MAX;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') minLength = Number(check.minimum);
    if (check.check === 'max_length') maxLength = Math.min(maxLength, Number(check.maximum));
    if (check.check === 'length_equals') minLength = maxLength = Number(check.length);
    if (check.check === 'string_format' && check.pattern instanceof RegExp) return fc.stringMatching(check.pattern);
  }
  maxLength = Math.max(minLength, maxLength);
  const fitting = DICTIONARY.filter((word) => word.length >= minLength && word.length <= maxLength);
  const random = fc.string({ minLength, maxLength, unit: 'grapheme' });
  return fitting.length === 0 ? random : fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...fitting) }, { weight: 1, arbitrary: random });
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') min = Math.max(Number(check.value) + (check.inclusive ? 0 : 1), -Number.MAX_SAFE_INTEGER);
    if (check.check === 'less_than') max = Math.min(Number(check.value) - (check.inclusive ? 0 : 1), Number.MAX_SAFE_INTEGER);
    if (check.check === 'number_format') integer = true;
  }
  if (min > max) [min, max] = [max, min];
  const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  // Where the range holds the present, most values lie near it, where the app's moments are.
  const nearNow =
    NOW >= min && NOW <= max
      ? [fc.integer({ min: Math.max(Math.ceil(min), NOW - NEAR_MS), max: Math.min(Math.floor(max), NOW + NEAR_MS) })]
      : [];
  const choices = integer ? [whole, ...nearNow] : [whole, ...nearNow, fc.double({ min, max, noNaN: true, noDefaultInfinity: true })];
  return fc.oneof(...choices);
}

export function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return build(schema, 0);
}

function build(schema: unknown, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'nullable':
      return fc.option(build(def.innerType, depth), { nil: null });
    case 'optional':
      return fc.option(build(def.innerType, depth), { nil: undefined });
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return build(def.innerType, depth);
    case 'pipe':
      // A preprocess reads its input through `in`; the schema proper is `out`.
      return build(defOf(def.in).type === 'transform' ? def.out : def.in, depth);
    case 'lazy':
      return build((def.getter as () => unknown)(), depth + 1);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => build(option, depth)));
    case 'array': {
      let minLength = 0;
      let maxLength = GENERATED_LIST_MAX;
      for (const check of checksOf(def)) {
        if (check.check === 'min_length') minLength = Number(check.minimum);
        if (check.check === 'max_length') maxLength = Math.min(maxLength, Number(check.maximum));
      }
      return fc.array(build(def.element, depth + 1), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.entries(shape).map(([key, value]) => [key, build(value, depth + 1)] as const);
      return fc.tuple(...entries.map(([, arbitrary]) => arbitrary)).map((values) => {
        const object: Record<string, unknown> = {};
        entries.forEach(([key], index) => {
          if (values[index] !== undefined) object[key] = values[index];
        });
        return object;
      });
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), build(def.valueType, depth + 1), { maxKeys: 3 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => build(item, depth + 1)));
    default:
      throw new Error(`No generator for zod type "${def.type}"`);
  }
}
