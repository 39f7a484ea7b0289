/** Channel names alone, free of schemas, so the sandboxed preload can allow-list them cheaply. */
export const INVOKE_CHANNELS = [
  'state:get',
  'profile:activate',
  'profile:set-message',
  'profile:create',
  'profile:update',
  'profile:delete',
  'ui:update',
  'notice:dismiss',
  'account:update',
  'account:set-password',
  'account:sip-credentials',
  'provision:import',
  'history:record',
  'recording:begin',
  'recording:append',
  'recording:finish',
  'recording:read',
  'recording:delete',
  'recording:set-retention',
  'notification:request',
  'calendar:add-source',
  'calendar:add-file',
  'calendar:remove-source',
  'calendar:sync',
  'calendar:skip',
  'calendar:set-unmarked-rule',
  'calendar:add-caldav',
  'calendar:set-marker-rules',
  'app:ready-to-quit',
  'phone:status',
  'phone:in-call',
  'automation:update',
  'log:sip-trace',
  'speech:status',
  'speech:render',
  'file:open',
] as const;

/** Channels main answers later (it runs a program, or asks a server): the shells await them. */
export const ASYNC_CHANNELS = [
  'speech:status',
  'speech:render',
  'calendar:add-caldav',
  'file:open',
] as const satisfies readonly (typeof INVOKE_CHANNELS)[number][];

export const DEBUG_CHANNELS = [
  'debug:clock-advance',
  'debug:tray-click',
  'debug:resume',
  'debug:second-launch',
  'debug:user-activity',
  'debug:notification-action',
] as const;

/** Main pushes these to the renderer. */
export const EVENT_CHANNELS = ['state:changed', 'phone:dial', 'app:quitting', 'phone:call-action', 'profile:activating'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type AsyncChannel = (typeof ASYNC_CHANNELS)[number];
export type DebugChannel = (typeof DEBUG_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export const EVENT_STATE_CHANGED = 'state:changed';
export const EVENT_PHONE_DIAL = 'phone:dial';
/** The user answered or declined a ringing call from its OS notification. */
export const EVENT_PHONE_CALL_ACTION = 'phone:call-action';
/** The app is about to quit: the renderer signs off (presence, registration) and answers `app:ready-to-quit`. */
export const EVENT_APP_QUITTING = 'app:quitting';
/** A profile chosen by hand, before main saves it, or the one kept when the save was refused: the page publishes it at once. */
export const EVENT_PROFILE_ACTIVATING = 'profile:activating';

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return (INVOKE_CHANNELS as readonly unknown[]).includes(channel);
}

export function isDebugChannel(channel: unknown): channel is DebugChannel {
  return (DEBUG_CHANNELS as readonly unknown[]).includes(channel);
}

export function isAsyncChannel(channel: InvokeChannel): channel is AsyncChannel {
  return (ASYNC_CHANNELS as readonly string[]).includes(channel);
}
