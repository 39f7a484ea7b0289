import { fail, ok, type Result } from '../errors';
import type { RemoteParty } from './remoteParty';

export type MessageKind = 'chat' | 'sms';

export const MAX_MESSAGE_LENGTH = 1_600;
const TEXT_PLAIN = /^text\/plain\s*(?:;|$)/i;
// Control characters other than tab and line breaks.
const UNPRINTABLE = /(?![\t\n\r])\p{Cc}/gu;

/**
 * SMS come from phone numbers; chats come from colleagues' SIP addresses. An anonymous message can
 * only be an SMS, because a chat always carries the sender's own address.
 */
export function incomingMessageKind(sender: RemoteParty): MessageKind {
  return sender.anonymous || sender.number !== null ? 'sms' : 'chat';
}

/** What the user typed, before it is sent. */
export function checkOutgoingBody(text: string): Result<string> {
  const body = text.trim();
  if (body === '') return fail('message-empty', 'The message is empty');
  if (body.length > MAX_MESSAGE_LENGTH)
    return fail('message-too-long', `The message is ${body.length} characters long; the limit is ${MAX_MESSAGE_LENGTH}`);
  return ok(body);
}

/** A received MESSAGE body, made safe to show; anything but text/plain (e.g. typing notices) is refused. */
export function readIncomingBody(contentType: string | null, body: string): Result<string> {
  if (contentType === null || !TEXT_PLAIN.test(contentType.trim())) {
    return fail('message-unsupported-type', `Messages of type ${JSON.stringify(contentType ?? '(none)')} are not shown`);
  }
  const text = body.replace(UNPRINTABLE, '').trim();
  if (text === '') return fail('message-empty', 'The message is empty');
  return ok(text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text);
}
