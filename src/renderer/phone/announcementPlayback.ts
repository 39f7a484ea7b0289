import { attempt, hangUpQuietly, later, type Announcement, type TrackedCall } from './trackedCall';

/**
 * After the profile's announcement has been answered: the caller's phone is sent the text (SIP
 * INFO), since speech cannot be synthesised into the call, and after the announcement's time the
 * call is passed on (REFER) or hung up.
 */
export function playAnnouncement(call: TrackedCall, announcement: Announcement): void {
  void attempt(() => call.session.sendInfo('text/plain;charset=utf-8', announcement.text));
  later(call, announcement.durationMs, () => {
    const then = announcement.then;
    if (then.kind === 'hangup') {
      hangUpQuietly(call.session);
      return;
    }
    const referred = attempt(() =>
      call.session.refer(then.target.uri, {
        eventHandlers: {
          requestSucceeded: () => {
            call.phoneAction = 'announced-transferred';
            hangUpQuietly(call.session);
          },
          requestFailed: () => hangUpQuietly(call.session),
        },
      }),
    );
    if (!referred.ok) hangUpQuietly(call.session);
  });
}
