import type { AppError, Result } from '../../src/core/errors';
import type { EventChannel } from '../../src/core/ipc/channels';

/** The browser shell's WebSocket frames. A request names an IPC channel exactly as the preload would. */
export interface ShellRequest {
  id: number;
  channel: string;
  payload: unknown;
}

export type ShellMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventChannel; payload: unknown }
  /** The answer to a frame that was not a request at all, so has no id to answer to. */
  | { type: 'refused'; error: AppError };

export const SHELL_IPC_PATH = '/__shell/ipc';
export const SHELL_BRIDGE_PATH = '/__shell/bridge.js';
export const TOKEN_STORAGE_KEY = 'profiltelefon.shellToken';
