import type { NotificationKind } from '../profiles/model';

export interface HeldNotification {
  kind: NotificationKind;
  title: string;
  body: string;
}

/** A call that arrives during a call is itself a call: it is never held. */
const NEVER_HELD: ReadonlySet<NotificationKind> = new Set(['incomingCall']);

/** Far more than a call gathers; the oldest go first, so a runaway sender cannot grow memory. */
export const MAX_HELD_NOTIFICATIONS = 200;

export function holdsDuringCall(kind: NotificationKind, inCall: boolean, holdInCall: boolean): boolean {
  return holdInCall && inCall && !NEVER_HELD.has(kind);
}

/** The text of one notification that stands for `count` of a kind held during a call. */
export type HeldSummary = (kind: NotificationKind, count: number, titles: readonly string[]) => { title: string; body: string };

/**
 * What to show when the call ends: a kind held once is shown as it was; a kind held several
 * times becomes one notification that says how many and from whom, so the desktop is not
 * flooded at hang-up. Kinds keep the order in which they first arrived.
 */
export function notificationsAfterCall(held: readonly HeldNotification[], summary: HeldSummary): HeldNotification[] {
  const byKind = new Map<NotificationKind, HeldNotification[]>();
  for (const notification of held) byKind.set(notification.kind, [...(byKind.get(notification.kind) ?? []), notification]);
  return [...byKind.entries()].map(([kind, group]) => {
    const [only] = group;
    if (group.length === 1 && only) return only;
    const titles = [...new Set(group.map((notification) => notification.title))];
    return { kind, ...summary(kind, group.length, titles) };
  });
}
