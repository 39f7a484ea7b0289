import { useState } from 'react';
import type { Account } from '../../core/account/model';
import { ok, type AppError } from '../../core/errors';
import type { ConnectionTestResult } from '../../core/phone/connectionTest';
import { uaSettingsFrom } from '../../core/phone/uaSettings';
import { contract } from '../contract/client';
import { testConnection } from '../phone/connectionTest';

export type ConnectionTestState =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'done'; result: ConnectionTestResult }
  /** The values typed cannot be tried: the errors belong at their fields (or, without one, beside the button). */
  | { kind: 'invalid'; errors: AppError[] };

/** "Testa anslutningen": the typed SIP values, with the typed password or else the stored one, tried once and never saved. */
export function useConnectionTest(): {
  state: ConnectionTestState;
  run(sip: Account['sip'], typedPassword: string, account: Account): Promise<void>;
} {
  const [state, setState] = useState<ConnectionTestState>({ kind: 'idle' });
  return {
    state,
    async run(sip, typedPassword, account) {
      setState({ kind: 'testing' });
      const stored = typedPassword === '' ? await contract.invoke('account:sip-credentials', null) : ok({ password: typedPassword });
      const password = stored.ok ? stored.value.password : null;
      const settings = uaSettingsFrom({ ...account, sip }, password);
      if (!settings.ok) {
        setState({ kind: 'invalid', errors: [settings.error] });
        return;
      }
      setState({ kind: 'done', result: await testConnection(settings.value) });
    },
  };
}
