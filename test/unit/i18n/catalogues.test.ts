import { describe, expect, it } from 'vitest';
import { catalogue, translate, type MessageKey } from '../../../src/core/i18n/messages';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatMessage, messageArguments } from '../../../src/core/i18n/icu';

const sv = catalogue('sv');
const en = catalogue('en');
const keys = Object.keys(sv) as MessageKey[];

describe('the Swedish and English catalogues', () => {
  it('carry the same keys', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it('take the same ICU arguments for every key', () => {
    const differing = keys.filter(
      (key) => [...messageArguments('sv', key, sv[key])].sort().join() !== [...messageArguments('en', key, en[key])].sort().join(),
    );
    expect(differing).toEqual([]);
  });

  it('hold only messages that parse as ICU MessageFormat', () => {
    for (const key of keys) {
      expect(() => messageArguments('sv', key, sv[key]), key).not.toThrow();
      expect(() => messageArguments('en', key, en[key]), key).not.toThrow();
    }
  });
});

describe('an ICU message', () => {
  it('puts each placeholder by name', () => {
    expect(translate('sv', 'profiles.until', { time: '14:30' })).toBe('till 14:30');
    expect(translate('en', 'tray.tooltipUntil', { profile: 'Lunch', time: '13:00' })).toBe('Profile Phone – Lunch until 13:00');
  });

  it('chooses the plural form of its language', () => {
    const pattern = '{count, plural, one {# händelse} other {# händelser}}';
    expect(formatMessage('sv', 'test.plural', pattern, { count: 1 })).toBe('1 händelse');
    expect(formatMessage('sv', 'test.plural', pattern, { count: 2 })).toBe('2 händelser');
  });

  it('shows a placeholder that was given no value as itself', () => {
    expect(translate('sv', 'profiles.until')).toBe('till {time}');
  });

  it('keeps apostrophes in English prose', () => {
    expect(translate('en', 'account.passwordHint')).toContain("operating system's keychain");
  });

  it('shows a message with no argument or quote as ICU would, without compiling it', () => {
    for (const [language, messages] of [['sv', sv] as const, ['en', en] as const]) {
      const plain = Object.entries(messages).filter(([, pattern]) => !/[{}']/.test(pattern));
      expect(plain.length).toBeGreaterThan(100);
      for (const [key, pattern] of plain) {
        const compiled = new IntlMessageFormat(pattern, language, undefined, { ignoreTag: true }).format();
        expect(formatMessage(language, key, pattern), key).toBe(compiled);
      }
    }
  });

  it('keeps a number argument as written, without grouping', () => {
    expect(translate('sv', 'debug.advance', { minutes: 12000 })).toBe('Flytta klockan 12000 min framåt');
  });
});

describe('a count in a message', () => {
  it('takes the singular for one and the plural for more, in both languages', () => {
    expect(translate('sv', 'calendar.source.events', { count: 1 })).toBe('1 händelse');
    expect(translate('sv', 'calendar.source.events', { count: 2 })).toBe('2 händelser');
    expect(translate('en', 'calendar.source.events', { count: 1 })).toBe('1 event');
    expect(translate('sv', 'notification.profileEnding.body', { minutes: 1 })).toBe('Om 1 minut återgår du till din grundprofil.');
    expect(translate('sv', 'notification.profileEnding.body', { minutes: 5 })).toBe('Om 5 minuter återgår du till din grundprofil.');
    expect(translate('en', 'notification.profileEnding.body', { minutes: 1 })).toBe('In 1 minute you return to your base profile.');
    expect(translate('sv', 'notice.historyRepaired', { count: 1 })).toMatch(/^Samtalshistoriken innehöll 1 post med/);
    expect(translate('sv', 'calendar.error.feed-timeout', { seconds: 1.5 })).toBe('Servern svarade inte inom 1,5 sekunder.');
  });
});
