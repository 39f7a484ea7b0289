import { describe, expect, it } from 'vitest';
import { catalogue, translate, type MessageKey } from '../../../src/core/i18n/messages';
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

  it('keeps a number argument as written, without grouping', () => {
    expect(translate('sv', 'debug.advance', { minutes: 12000 })).toBe('Flytta klockan 12000 min framåt');
  });
});
