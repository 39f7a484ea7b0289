import { useState } from 'react';
import type { AppError } from '../../core/errors';
import type { ChannelPayload } from '../../core/ipc/contract';
import { contract } from '../contract/client';

type AccountChannel = 'account:update' | 'account:set-password' | 'provision:import';

export interface AccountRequest {
  busy: boolean;
  errors: AppError[];
  done: boolean;
  send<C extends AccountChannel>(channel: C, payload: ChannelPayload<C>): Promise<boolean>;
  errorFor(field: string): AppError | undefined;
}

/** Sends an account request and keeps every error it answers with, so each shows beside its field. */
export function useAccountRequest(): AccountRequest {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [done, setDone] = useState(false);
  return {
    busy,
    errors,
    done,
    async send(channel, payload) {
      setBusy(true);
      setDone(false);
      const result = await contract.invoke(channel, payload);
      setBusy(false);
      setErrors(result.ok ? [] : (result.error.details ?? [result.error]));
      setDone(result.ok);
      return result.ok;
    },
    errorFor: (field) => errors.find((error) => error.field === field),
  };
}
