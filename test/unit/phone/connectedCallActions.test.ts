import { describe, expect, it } from 'vitest';
import { checkDtmf } from '../../../src/renderer/phone/connectedCallActions';

describe('the tones a connected call can send', () => {
  it('are the keypad: 0–9, *, # and A–D', () => {
    expect(checkDtmf('0123456789*#ABCD')).toEqual({ ok: true, value: null });
  });

  it('refuse anything else, nothing at all, and quote at most 20 characters of it', () => {
    expect(checkDtmf('12x')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'dtmf-invalid', message: 'Only 0–9, *, # and A–D can be sent as tones, not "12x"' }),
    });
    expect(checkDtmf('')).toMatchObject({ ok: false, error: { code: 'dtmf-invalid' } });
    expect(checkDtmf('a')).toMatchObject({ ok: false, error: { code: 'dtmf-invalid' } });
    expect(checkDtmf(`${'1'.repeat(25)}x`)).toMatchObject({
      ok: false,
      error: { message: `Only 0–9, *, # and A–D can be sent as tones, not "${'1'.repeat(20)}"` },
    });
  });
});
