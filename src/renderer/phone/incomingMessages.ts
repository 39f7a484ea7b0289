import type { IncomingMessageEvent } from 'jssip/lib/UA';
import { incomingMessageKind, readIncomingBody } from '../../core/phone/message';
import { namedFromDirectory } from '../../core/phone/directorySearch';
import { partyLine } from '../../core/phone/partyDisplay';
import { remotePartyFrom } from '../../core/phone/remoteParty';
import type { PhoneEnvironment } from './phoneEnvironment';
import { addMessage } from './phoneStore';

/** A chat or SMS from the network: checked, shown, and notified as the active profile allows. */
export function receiveMessage(event: IncomingMessageEvent, env: PhoneEnvironment, id: string): void {
  const { request } = event;
  const header = (name: string) => (request.hasHeader(name) ? request.getHeader(name) : null);
  const sender = remotePartyFrom({ from: header('From'), pAssertedIdentity: header('P-Asserted-Identity'), privacy: header('Privacy') });
  if (!sender.ok) {
    console.warn(`A message with an unreadable sender was dropped: ${sender.error.message}`);
    return;
  }
  const body = readIncomingBody(header('Content-Type'), request.body ?? '');
  if (!body.ok) return;
  const kind = incomingMessageKind(sender.value);
  const remote = namedFromDirectory(sender.value, env.context()?.account.directory ?? []);
  addMessage({
    id,
    direction: 'incoming',
    kind,
    remote,
    body: body.value,
    at: Date.now(),
    status: 'received',
    presentedNumber: null,
    failure: null,
  });
  const from = partyLine(remote, { hidden: env.text('phone.party.hidden'), unknown: env.text('phone.party.unknown') });
  env.notify(kind, env.text(kind === 'sms' ? 'phone.notify.sms.title' : 'phone.notify.chat.title', { from }), body.value);
}
