import { WebSocketInterface } from 'jssip';
import type { UAConfiguration } from 'jssip/lib/UA';
import { USER_AGENT, type UaSettings } from '../../core/phone/uaSettings';

/** The JsSIP configuration for these settings, the same for the phone and the connection test; `extra` adds what only one of them needs. */
export function uaConfiguration(settings: UaSettings, extra: Partial<UAConfiguration>): UAConfiguration {
  return {
    sockets: [new WebSocketInterface(settings.wsUrl)],
    uri: settings.uri,
    authorization_user: settings.authUser,
    password: settings.password,
    display_name: settings.displayName,
    user_agent: USER_AGENT,
    session_timers: false,
    ...extra,
  };
}
