import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from './language';

export type MessageParams = Record<string, string | number>;

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

interface CompiledMessage {
  readonly format: IntlMessageFormat;
  readonly argumentNames: readonly string[];
}

const compiled = new Map<string, CompiledMessage>();

function argumentNamesOf(elements: ReturnType<IntlMessageFormat['getAst']>): string[] {
  const names = new Set<string>();
  const visit = (list: typeof elements): void => {
    for (const element of list) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0) names.add(element.value);
      if ('options' in element) {
        for (const option of Object.values(element.options) as { value: typeof elements }[]) visit(option.value);
      }
      if ('children' in element) visit(element.children);
    }
  };
  visit(elements);
  return [...names];
}

function compile(language: Language, key: string, pattern: string): CompiledMessage {
  const cacheKey = `${language}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    const format = new IntlMessageFormat(pattern, LOCALES[language], undefined, { ignoreTag: true });
    message = { format, argumentNames: argumentNamesOf(format.getAst()) };
    compiled.set(cacheKey, message);
  }
  return message;
}

/** The ICU arguments a message uses (`{name}`, `{count, plural, …}`), for checking that both languages take the same ones. */
export function messageArguments(language: Language, key: string, pattern: string): readonly string[] {
  return compile(language, key, pattern).argumentNames;
}

/**
 * Formats an ICU message, compiled once per language and key.
 * A value the caller did not pass is shown as its own placeholder, as the catalogues always did,
 * so a missing parameter reads oddly instead of breaking the whole view.
 */
export function formatMessage(language: Language, key: string, pattern: string, params: MessageParams = {}): string {
  // Most messages are plain text, and compiling one costs a locale lookup: at start, dozens of them.
  if (!/[{}']/.test(pattern)) return pattern;
  const { format, argumentNames } = compile(language, key, pattern);
  const values: MessageParams = {};
  for (const name of argumentNames) values[name] = params[name] ?? `{${name}}`;
  return String(format.format(values));
}
