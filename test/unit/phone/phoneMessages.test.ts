import { describe, expect, it } from 'vitest';
import { phoneMessages } from '../../../src/core/i18n/phoneMessages';

describe('the Swedish phone texts', () => {
  it('never take the English detail of an error or a library message', () => {
    const withDetail = Object.entries(phoneMessages.sv).filter(([, text]) => text.includes('{detail}'));
    expect(withDetail).toEqual([]);
  });

  it('have an English text for every key', () => {
    expect(Object.keys(phoneMessages.en).sort()).toEqual(Object.keys(phoneMessages.sv).sort());
  });
});
