import type { Profile } from '../profiles/model';
import { activityForProfile } from './activities';
import { callStateFor, visibleCallState, type CallState } from './callState';
import { DATA_MODEL_NS, DIALOG_INFO_NS, PIDF_NS, PROFILTELEFON_NS, RPID_NS } from './namespaces';
import { escapeXmlAttribute as attr, escapeXmlText as text, xmlDateTime } from './xmlEscape';

export type { CallState } from './callState';
export { callStateFor } from './callState';

export const PIDF_CONTENT_TYPE = 'application/pidf+xml';
export const DIALOG_INFO_CONTENT_TYPE = 'application/dialog-info+xml';

export interface PidfInput {
  /** The presentity, e.g. `sip:alice@127.0.0.1`. */
  entity: string;
  profile: Pick<Profile, 'id' | 'name' | 'number' | 'status'>;
  /** The temporary message if one is set, else the profile's permanent one; empty for none. */
  message: string;
  /** When the profile ends (epoch ms), or null when it lasts until changed. */
  until: number | null;
  /** Null when the profile's status is unavailable; see {@link callStateFor}. */
  callState: CallState | null;
  /** Epoch ms. */
  timestamp: number;
}

/** A PIDF document (RFC 3863) in the RFC 4479 data model with RPID (RFC 4480) activities. */
export function buildPidf(input: PidfInput): string {
  const timestamp = xmlDateTime(input.timestamp, 'timestamp');
  const until = input.until === null ? null : xmlDateTime(input.until, 'until');
  // Enforced here as well as by the caller: the privacy rule must not hinge on every caller getting it right.
  const callState = input.callState === null ? null : callStateFor(input.profile.status, input.callState);
  const activity = activityForProfile(input.profile);
  const onThePhone = callState?.kind === 'busy';
  const message = input.message.trim();

  const activityLines: string[] = [];
  if (activity !== null) {
    activityLines.push(
      activity.token === 'other' ? `      <rpid:other>${text(activity.description)}</rpid:other>` : `      <rpid:${activity.token}/>`,
    );
  }
  if (onThePhone) activityLines.push('      <rpid:on-the-phone/>');

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<presence xmlns="${PIDF_NS}" xmlns:dm="${DATA_MODEL_NS}" xmlns:rpid="${RPID_NS}" xmlns:pp="${PROFILTELEFON_NS}" entity="${attr(input.entity)}">`,
    // The SIP service stays open under every profile: a profile changes what colleagues see, never whether calls connect.
    '  <tuple id="sip">',
    '    <status><basic>open</basic></status>',
    `    <contact>${text(input.entity)}</contact>`,
    // Repeated on the tuple for older watchers that read only RFC 3863 tuple notes.
    ...(message === '' ? [] : [`    <note>${text(message)}</note>`]),
    `    <timestamp>${timestamp}</timestamp>`,
    '  </tuple>',
    '  <dm:person id="person">',
    ...(activityLines.length === 0
      ? []
      : [
          // `until` is the profile's end; it is only set when the profile itself has an activity.
          `    <rpid:activities${until !== null && activity !== null ? ` until="${until}"` : ''}>`,
          ...activityLines,
          '    </rpid:activities>',
        ]),
    `    <pp:profile number="${attr(String(input.profile.number))}"${until === null ? '' : ` until="${until}"`}>${text(input.profile.name)}</pp:profile>`,
    ...(callState === null ? [] : [`    <pp:callstate>${visibleCallState(callState)}</pp:callstate>`]),
    ...(message === '' ? [] : [`    <dm:note>${text(message)}</dm:note>`]),
    `    <dm:timestamp>${timestamp}</dm:timestamp>`,
    '  </dm:person>',
    '</presence>',
  ];
  return lines.join('\n');
}

export interface DialogInfoInput {
  entity: string;
  /** RFC 4235 §4.1.2: starts at 0 and grows by one with every document sent on the subscription. */
  version: number;
  state: 'full' | 'partial';
  /**
   * Non-null on purpose: dialog-info is published only while the profile is available, so the caller
   * passes the result of {@link callStateFor} and publishes nothing when that is null.
   */
  callState: CallState;
  /** Stable id of the current call's dialog element, so a partial update can terminate it. */
  dialogId: string;
}

/**
 * An RFC 4235 dialog-info document. It names no remote party, call-id or tags: colleagues see only
 * whether the user is idle, ringing or in a call, not with whom.
 */
export function buildDialogInfo(input: DialogInfoInput): string {
  if (!Number.isSafeInteger(input.version) || input.version < 0) {
    throw new RangeError('version must be a non-negative integer');
  }
  if (input.dialogId === '') throw new RangeError('dialogId must not be empty');

  const dialog = dialogElement(input.callState, input.state);
  const open = `<dialog-info xmlns="${DIALOG_INFO_NS}" version="${input.version}" state="${input.state}" entity="${attr(input.entity)}"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (dialog === null) {
    lines.push(`${open}/>`);
  } else {
    const direction = dialog.direction === null ? '' : ` direction="${dialog.direction}"`;
    lines.push(
      `${open}>`,
      `  <dialog id="${attr(input.dialogId)}"${direction}>`,
      `    <state>${dialog.state}</state>`,
      '  </dialog>',
      '</dialog-info>',
    );
  }
  return lines.join('\n');
}

type DialogElement = { state: 'early' | 'confirmed' | 'terminated'; direction: 'initiator' | 'recipient' | null };

function dialogElement(call: CallState, documentState: 'full' | 'partial'): DialogElement | null {
  switch (call.kind) {
    // A full document with no dialog says "no calls"; a partial one must end the previous dialog explicitly.
    case 'idle':
      return documentState === 'full' ? null : { state: 'terminated', direction: null };
    // Ringing is the early dialog in both directions: the 180 Ringing has been sent or received.
    case 'ringing':
      return { state: 'early', direction: call.direction === 'incoming' ? 'recipient' : 'initiator' };
    case 'busy':
      return { state: 'confirmed', direction: null };
  }
}
