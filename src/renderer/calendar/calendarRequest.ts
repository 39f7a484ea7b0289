import type { AppError, Result } from '../../core/errors';
import type { ChannelPayload } from '../../core/ipc/contract';
import type { AppState } from '../../core/state/appState';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';

type CalendarChannel =
  | 'calendar:add-source'
  | 'calendar:add-file'
  | 'calendar:add-caldav'
  | 'calendar:remove-source'
  | 'calendar:sync'
  | 'calendar:skip'
  | 'calendar:set-unmarked-rule'
  | 'calendar:set-marker-rules';

/** Asks main and takes the new state; a refusal is handed back for the view to word, not shown as the global banner. */
export async function calendarRequest<C extends CalendarChannel>(channel: C, payload: ChannelPayload<C>): Promise<AppError | null> {
  const result = (await contract.invoke(channel, payload)) as Result<AppState>;
  if (!result.ok) return result.error;
  useAppStore.getState().receiveState(result.value);
  return null;
}
