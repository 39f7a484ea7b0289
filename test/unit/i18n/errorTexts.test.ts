import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/core/errorCodes';
import { ERROR_TEXTS, errorText } from '../../../src/core/userErrors/errorText';
import { catalogue } from '../../../src/core/i18n/messages';
import { validatePayload } from '../../../src/core/ipc/validatePayload';
import { AccountPatchSchema } from '../../../src/core/account/patch';
import { applyAccountPatch } from '../../../src/core/account/patch';
import { emptyAccount } from '../../../src/core/account/model';

const sv = catalogue('sv');
const en = catalogue('en');

describe('every error code', () => {
  it.each(ERROR_CODES.map((code) => [code]))('%s has a Swedish and an English text of its own', (code) => {
    const key = ERROR_TEXTS[code];
    expect(sv[key], key).toBeTruthy();
    expect(en[key], key).toBeTruthy();
    expect(sv[key], `${key} is English in the Swedish catalogue`).not.toBe(en[key]);
  });

  it('is worded from its code and never shows the English message it carries', () => {
    for (const code of ERROR_CODES) {
      const message = `English detail for ${code}`;
      expect(errorText('sv', { code, message, field: 'sip.serverUrl' })).not.toContain('English detail');
    }
  });
});

describe('an error worded in the UI language', () => {
  it('takes a view’s own wording of a code where it has one', () => {
    const error = { code: 'number-empty' as const, message: 'Enter a number' };
    expect(errorText('sv', error)).toBe(sv['editor.error.number-empty']);
    expect(errorText('sv', error, 'phone.error.')).toBe(sv['phone.error.number-empty']);
  });

  it('names a network or file reason in words, not its errno code', () => {
    const text = errorText('sv', { code: 'feed-unreachable', message: 'The server could not be reached (ECONNREFUSED)' });
    expect(text).toBe('Servern gick inte att nå (servern tog inte emot anslutningen).');
    expect(
      errorText('sv', { code: 'caldav-unreachable', message: 'The CalDAV server could not be reached (ERR_TLS_CERT_ALTNAME_INVALID)' }),
    ).toContain('certifikat');
    expect(errorText('sv', { code: 'file-unreadable', message: '/x could not be read (ESOMETHING)' })).toBe(
      'Filen kunde inte läsas (ett oväntat fel).',
    );
  });

  it('gives a code from another version of the app words of its own', () => {
    const foreign = { code: 'a-code-of-tomorrow', message: 'Tomorrow' } as unknown as Parameters<typeof errorText>[1];
    expect(errorText('sv', foreign)).toBe(sv['error.unknown']);
  });

  it('says which text of the ICS parser failed without its English words', () => {
    const text = errorText('sv', { code: 'ics-malformed', message: 'The calendar could not be read: invalid line (no token ";" or ":")' });
    expect(text).toBe('Kalendern är trasig eller avklippt och kunde inte läsas.');
  });
});

describe('a payload refused by its schema', () => {
  it('names the code its schema gives, at the field: an empty colleague name', () => {
    const refused = validatePayload('account:update', AccountPatchSchema, { directory: [{ name: '', uri: 'anna@pbx' }] });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'colleague-name-empty', field: 'directory.0.name' });
    expect(refused.ok ? '' : errorText('sv', refused.error)).toBe('Skriv kollegans namn.');
  });

  it('falls back to a Swedish text naming the field', () => {
    const refused = validatePayload('account:update', AccountPatchSchema, { directory: 'anna' });
    expect(refused.ok ? null : refused.error.code).toBe('invalid-payload');
    expect(refused.ok ? '' : errorText('sv', refused.error)).toBe('Värdet i directory godtogs inte. Inget har ändrats.');
  });
});

describe('the account form’s refusals', () => {
  it('word a server that is no web address and a SIP address without a host in Swedish', () => {
    const refused = applyAccountPatch(emptyAccount(), {
      sip: { serverUrl: 'vaxel.foretaget.se', uri: 'anna', authUser: '', displayName: '' },
    });
    const errors = refused.ok ? [] : (refused.error.details ?? [refused.error]);
    expect(errors.map((error) => [error.field, errorText('sv', error)])).toEqual([
      ['sip.serverUrl', 'SIP-servern är ingen giltig webbadress.'],
      ['sip.uri', 'Kontots SIP-adress är ogiltig.'],
    ]);
  });
});
