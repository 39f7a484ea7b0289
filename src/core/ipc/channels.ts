/** Channel names alone, free of schemas, so the sandboxed preload can allow-list them cheaply. */
export const INVOKE_CHANNELS = [
  'state:get',
  'profile:activate',
  'profile:create',
  'profile:update',
  'profile:delete',
  'ui:update',
  'notice:dismiss',
] as const;

export const DEBUG_CHANNELS = ['debug:clock-advance', 'debug:tray-click', 'debug:resume'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type DebugChannel = (typeof DEBUG_CHANNELS)[number];

/** Main pushes these to the renderer. */
export const EVENT_STATE_CHANGED = 'state:changed';

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return (INVOKE_CHANNELS as readonly unknown[]).includes(channel);
}

export function isDebugChannel(channel: unknown): channel is DebugChannel {
  return (DEBUG_CHANNELS as readonly unknown[]).includes(channel);
}
