import type { PhoneCallPhase } from './callState';
import { DIALOG_INFO_NS } from './namespaces';
import { escapeXmlAttribute as attr } from './xmlEscape';

export const DIALOG_INFO_CONTENT_TYPE = 'application/dialog-info+xml';

/** One of our calls as a desk phone's BLF key sees it (RFC 4235 §3.7.1 states). */
export interface PublishedDialog {
  id: string;
  state: 'trying' | 'early' | 'confirmed' | 'terminated';
  direction: 'initiator' | 'recipient';
}

export interface PhoneCall {
  id: string;
  direction: 'incoming' | 'outgoing';
  status: PhoneCallPhase;
}

function dialogState(call: PhoneCall): PublishedDialog['state'] | null {
  switch (call.status) {
    // INVITE sent, no provisional answer yet.
    case 'dialing':
      return 'trying';
    // The 180 Ringing has been received (outgoing) or sent (incoming).
    case 'alerting':
    case 'ringing':
      return 'early';
    case 'active':
      return 'confirmed';
    // Answered by the profile's announcement, not by the user: the user stays free.
    case 'announcing':
      return null;
  }
}

/**
 * The dialogs to publish now, given those published last: every call the user is in or rung by, and
 * once more as `terminated` each one that has ended since, so a watcher sees it end rather than vanish.
 * Dialogs already published as terminated are dropped. An empty list means nothing to publish.
 */
export function nextDialogs(published: readonly PublishedDialog[], calls: readonly PhoneCall[]): PublishedDialog[] {
  const current: PublishedDialog[] = [];
  for (const call of calls) {
    const state = dialogState(call);
    if (state !== null) current.push({ id: call.id, state, direction: call.direction === 'outgoing' ? 'initiator' : 'recipient' });
  }
  const ended = published
    .filter((dialog) => dialog.state !== 'terminated' && !current.some((live) => live.id === dialog.id))
    .map((dialog) => ({ ...dialog, state: 'terminated' as const }));
  return [...current, ...ended];
}

export interface DialogInfoInput {
  entity: string;
  /** RFC 4235 §4.1.2: starts at 0 and grows by one with every document. */
  version: number;
  dialogs: readonly PublishedDialog[];
}

/**
 * A full RFC 4235 dialog-info document. It names no remote party, call-id or tags: colleagues see only
 * whether the user is idle, ringing or in a call, not with whom.
 */
export function buildDialogInfo(input: DialogInfoInput): string {
  if (!Number.isSafeInteger(input.version) || input.version < 0) {
    throw new RangeError('version must be a non-negative integer');
  }
  if (input.dialogs.some((dialog) => dialog.id === '')) throw new RangeError('a dialog id must not be empty');

  const open = `<dialog-info xmlns="${DIALOG_INFO_NS}" version="${input.version}" state="full" entity="${attr(input.entity)}"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (input.dialogs.length === 0) {
    lines.push(`${open}/>`);
  } else {
    lines.push(`${open}>`);
    for (const dialog of input.dialogs) {
      lines.push(`  <dialog id="${attr(dialog.id)}" direction="${dialog.direction}">`, `    <state>${dialog.state}</state>`, '  </dialog>');
    }
    lines.push('</dialog-info>');
  }
  return lines.join('\n');
}
