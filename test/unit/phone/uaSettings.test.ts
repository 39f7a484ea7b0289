import { describe, expect, it } from 'vitest';
import { uaSettingsFrom } from '../../../src/core/phone/uaSettings';
import { account } from './fixtures';

const sip = (change: Partial<ReturnType<typeof account>['sip']>) => account({ sip: { ...account().sip, ...change } });

describe('uaSettingsFrom', () => {
  it('builds the settings, with the URI user as digest user by default', () => {
    expect(uaSettingsFrom(account(), 'secret')).toEqual({
      ok: true,
      value: {
        wsUrl: 'wss://pbx.example.se/ws',
        uri: 'sip:alice@example.se',
        domain: 'example.se',
        host: 'example.se',
        authUser: 'alice',
        password: 'secret',
        displayName: 'Alice Andersson',
      },
    });
    expect(uaSettingsFrom(sip({ authUser: ' 4711 ' }), 'secret')).toMatchObject({ value: { authUser: '4711' } });
  });

  it.each([
    [sip({ serverUrl: '', uri: '' }), 'secret', 'phone-not-configured'],
    [sip({ serverUrl: '' }), 'secret', 'sip-server-missing'],
    [sip({ serverUrl: 'not a url' }), 'secret', 'sip-server-invalid'],
    [sip({ serverUrl: 'https://pbx.example.se' }), 'secret', 'sip-server-not-websocket'],
    [sip({ uri: '' }), 'secret', 'sip-uri-missing'],
    [sip({ uri: 'alice' }), 'secret', 'sip-uri-invalid'],
    [account(), null, 'sip-password-missing'],
    [account(), '', 'sip-password-missing'],
  ])('refuses incomplete settings (%#) with %s', (settings, password, code) => {
    expect(uaSettingsFrom(settings, password)).toMatchObject({ ok: false, error: { code } });
  });
});
