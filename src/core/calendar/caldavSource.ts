import { fail, ok, type Result } from '../errors';
import { MAX_CALDAV_USERNAME_LENGTH, MAX_SOURCE_LOCATION_LENGTH } from './settings';
import { parseWebAddress } from './sources';

/** The longest password taken; far beyond any a server hands out, short enough to keep out of the way. */
export const MAX_CALDAV_PASSWORD_LENGTH = 1024;

/** What the user typed into the CalDAV form. */
export interface CaldavForm {
  serverUrl: string;
  username: string;
  password: string;
}

/** A server address and a login that passed the checks; discovery then finds the calendar. */
export interface CaldavLogin {
  serverUrl: string;
  username: string;
  password: string;
}

/** Checks the form field by field, each error naming its field; nothing is asked of the server yet. */
export function parseCaldavForm(form: CaldavForm): Result<CaldavLogin> {
  const serverText = form.serverUrl.trim();
  if (serverText === '') return fail('caldav-server-empty', 'Enter the address of the CalDAV server.', 'serverUrl');
  if (serverText.length > MAX_SOURCE_LOCATION_LENGTH) {
    return fail('source-too-long', `The address may be at most ${MAX_SOURCE_LOCATION_LENGTH} characters.`, 'serverUrl');
  }
  const server = parseWebAddress(serverText, 'serverUrl');
  if (!server.ok) return server;
  const username = form.username.trim();
  if (username === '') return fail('caldav-username-empty', 'Enter the user name for the CalDAV server.', 'username');
  if (username.length > MAX_CALDAV_USERNAME_LENGTH) {
    return fail('caldav-username-too-long', `The user name may be at most ${MAX_CALDAV_USERNAME_LENGTH} characters.`, 'username');
  }
  if (form.password === '') return fail('caldav-password-empty', 'Enter the password for the CalDAV server.', 'password');
  if (form.password.length > MAX_CALDAV_PASSWORD_LENGTH) {
    return fail('caldav-password-too-long', `The password may be at most ${MAX_CALDAV_PASSWORD_LENGTH} characters.`, 'password');
  }
  return ok({ serverUrl: server.value.href, username, password: form.password });
}
