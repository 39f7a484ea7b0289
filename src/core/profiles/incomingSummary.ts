import type { AccountNumbers } from '../account/model';
import type { Language } from '../i18n/language';
import { translate, type MessageKey } from '../i18n/messages';
import type { CalledLine, ForwardTarget, IncomingRule, Profile } from './model';

/**
 * What a profile does with calls, in words: "Hänvisning och röstbrevlåda" when one rule serves
 * every line, else each of the account's numbers (and any other line with a rule of its own)
 * with its rule: "Fast nummer: hänvisning och röstbrevlåda · Mobil: ringer".
 */
// Every line, in the order the switcher names them; a record, so that a new line cannot be left out.
// Not CALLED_LINES: the switcher is in the first view, which does not load the profile schema.
const LINE_NAMES: Record<CalledLine, MessageKey> = {
  landline: 'switcher.incoming.line.landline',
  mobile: 'switcher.incoming.line.mobile',
  switchboard: 'switcher.incoming.line.switchboard',
  own: 'switcher.incoming.line.own',
};
const LINES = Object.keys(LINE_NAMES) as CalledLine[];

export function incomingSummary(profile: Profile, numbers: AccountNumbers, language: Language): string {
  const { byLine } = profile.incoming;
  const forAll = ruleWords(profile.incoming, language);
  const lines = LINES.filter((line) => byLine[line] !== undefined || (line !== 'own' && numbers[line] !== null));
  const parts = lines.map((line) => ({ line, words: ruleWords(byLine[line] ?? profile.incoming, language) }));
  if (parts.every((part) => part.words === forAll)) return capitalised(forAll, language);
  return parts
    .map((part) => translate(language, 'switcher.incoming.line', { line: translate(language, LINE_NAMES[part.line]), rule: part.words }))
    .join(' · ');
}

/** Whether every call rings, whichever line it comes in on. */
export function ringsOnEveryLine(profile: Profile): boolean {
  return [profile.incoming, ...Object.values(profile.incoming.byLine)].every((rule) => rule.action.kind === 'ring');
}

function ruleWords(rule: IncomingRule, language: Language): string {
  const { action } = rule;
  switch (action.kind) {
    case 'ring':
      return translate(language, 'switcher.incoming.ring');
    case 'busy':
      return translate(language, 'switcher.incoming.busy');
    case 'forward':
      return translate(language, ...targetWords('switcher.incoming.forward', action.target));
    case 'announcement':
      return action.then.kind === 'hangup'
        ? translate(language, 'switcher.incoming.announcement.hangup')
        : translate(language, ...targetWords('switcher.incoming.announcement', action.then.target));
  }
}

function targetWords(
  prefix: 'switcher.incoming.forward' | 'switcher.incoming.announcement',
  target: ForwardTarget,
): [MessageKey, Record<string, string>] {
  if (target.kind === 'number') return [`${prefix}.number`, { number: target.number }];
  if (target.kind === 'colleague') return [`${prefix}.colleague`, { name: target.name }];
  return [`${prefix}.${target.kind}`, {}];
}

function capitalised(words: string, language: Language): string {
  return words.charAt(0).toLocaleUpperCase(language) + words.slice(1);
}
