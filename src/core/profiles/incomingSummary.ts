import type { AccountNumbers } from '../account/model';
import type { Language } from '../i18n/language';
import { translate, type MessageKey } from '../i18n/messages';
import { formatForDisplay } from '../numbers/phoneNumber';
import { CALLED_LINES, type ForwardTarget, type IncomingRule, type Profile } from './model';

/**
 * What a profile does with calls, in words: "Hänvisning och röstbrevlåda" when one rule serves
 * every line, else each of the account's numbers (and any other line with a rule of its own)
 * with its rule: "Fast nummer: hänvisning och röstbrevlåda · Mobil: ringer".
 */
export function incomingSummary(profile: Profile, numbers: AccountNumbers, language: Language): string {
  const { byLine } = profile.incoming;
  const forAll = ruleWords(profile.incoming, language);
  const lines = CALLED_LINES.filter((line) => byLine[line] !== undefined || (line !== 'own' && numbers[line] !== null));
  const parts = lines.map((line) => ({ line, words: ruleWords(byLine[line] ?? profile.incoming, language) }));
  if (parts.every((part) => part.words === forAll)) return capitalised(forAll, language);
  return parts.map((part) => translate(language, 'switcher.incoming.line', { line: translate(language, `switcher.incoming.line.${part.line}`), rule: part.words })).join(' · ');
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

function targetWords(prefix: 'switcher.incoming.forward' | 'switcher.incoming.announcement', target: ForwardTarget): [MessageKey, Record<string, string>] {
  return target.kind === 'number' ? [`${prefix}.number`, { number: formatForDisplay(target.number) }] : [`${prefix}.${target.kind}`, {}];
}

function capitalised(words: string, language: Language): string {
  return words.charAt(0).toLocaleUpperCase(language) + words.slice(1);
}
