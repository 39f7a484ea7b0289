import { contractUnreachable, type Result } from '../../core/errors';
import type {
  CallAction,
  ChannelPayload,
  ChannelResponse,
  DebugChannel,
  EventChannel,
  InvokeChannel,
  SoftphoneApi,
  SoftphoneDebugApi,
} from '../../core/ipc/contract';
import { ProfileActivatingSchema } from '../../core/ipc/profileActivating';
import type { DialTarget } from '../../core/phone/numbers/phoneNumber';
import type { ProfilePresence } from '../../core/presence/profilePresence';
import type { AppState } from '../../core/state/appState';

/** What main sends with each event. */
export interface ContractEvents {
  'state:changed': AppState;
  'phone:dial': DialTarget;
  'app:quitting': null;
  'phone:call-action': CallAction;
  'profile:activating': ProfilePresence;
}

export interface ContractClient {
  /** Every answer is a `Result`: a request that never reached main is a `contract-unreachable` failure, not a throw. */
  invoke<C extends InvokeChannel>(channel: C, payload: ChannelPayload<C>): Promise<Result<ChannelResponse<C>>>;
  on<E extends EventChannel>(event: E, handler: (payload: ContractEvents[E]) => void): () => void;
  /** The browser shell's stand-ins for the OS; null in Electron. */
  debug: { invoke<C extends DebugChannel>(channel: C, payload: ChannelPayload<C>): Promise<Result<AppState>> } | null;
}

async function reaching<T>(channel: string, send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch (error) {
    return contractUnreachable(channel, error instanceof Error ? error.message : String(error));
  }
}

/** The one way from the renderer to main, over the bridge a shell gives the page. */
export function createContractClient(softphone: SoftphoneApi, softphoneDebug: SoftphoneDebugApi | undefined): ContractClient {
  const subscribe: { [E in EventChannel]: (handler: (payload: ContractEvents[E]) => void) => () => void } = {
    'state:changed': (handler) => softphone.onStateChanged(handler),
    'phone:dial': (handler) => softphone.onDialRequest(handler),
    'app:quitting': (handler) => softphone.onQuitting(() => handler(null)),
    'phone:call-action': (handler) => softphone.onCallAction(handler),
    'profile:activating': (handler) =>
      softphone.onProfileActivating((payload) => {
        const checked = ProfileActivatingSchema.safeParse(payload);
        if (checked.success) handler(checked.data);
        else console.error(`The app sent a profile:activating the page cannot read: ${checked.error.issues[0]?.message ?? ''}`);
      }),
  };
  return {
    invoke: (channel, payload) => reaching(channel, () => softphone.invoke(channel, payload)),
    on: (event, handler) => subscribe[event](handler),
    debug: softphoneDebug ? { invoke: (channel, payload) => reaching(channel, () => softphoneDebug.invoke(channel, payload)) } : null,
  };
}

/** Electron's preload and the browser shell's bridge script both set `window.softphone` before the app's code runs. */
export const contract: ContractClient = createContractClient(window.softphone, window.softphoneDebug);
