import type { SoftphoneApi, SoftphoneDebugApi } from '../core/ipc/contract';

declare global {
  interface Window {
    /** Given by Electron's preload, or by the browser shell's bridge script. */
    softphone: SoftphoneApi;
    /** Only the browser shell gives this: the stand-ins for the OS. */
    softphoneDebug?: SoftphoneDebugApi;
  }
}
