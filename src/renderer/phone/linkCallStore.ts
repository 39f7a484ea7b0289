import { create } from 'zustand';
import { linkCallPrompt, type LinkCallPrompt } from '../../core/links/callLink';
import type { DialTarget } from '../../core/phone/numbers/phoneNumber';

/** A call a link asked for, waiting for the user to say Ring or Avbryt; a newer link replaces it. */
export const useLinkCallStore = create<{ pending: LinkCallPrompt | null }>(() => ({ pending: null }));

export function askToCall(target: DialTarget): void {
  useLinkCallStore.setState({ pending: linkCallPrompt(target) });
}

/** The user's answer: the target to call, or null; either way the question is closed. */
export function answerLinkCall(ring: boolean): DialTarget | null {
  const pending = useLinkCallStore.getState().pending;
  useLinkCallStore.setState({ pending: null });
  return ring && pending ? pending.target : null;
}
