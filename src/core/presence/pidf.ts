import type { Profile } from '../profiles/model';
import type { Language } from '../i18n/language';
import { activitiesForProfile } from './activities';
import { callStateFor, visibleCallState, type CallState } from './callState';
import { DATA_MODEL_NS, PIDF_NS, PROFILTELEFON_NS, RPID_NS } from './namespaces';
import { presenceNote } from './presenceNote';
import { escapeXmlAttribute as attr, escapeXmlText as text, xmlDateTime } from './xmlEscape';

export type { CallState } from './callState';
export { callStateFor } from './callState';

export const PIDF_CONTENT_TYPE = 'application/pidf+xml';

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
  /** The language of the note colleagues read, and the time zone its end time is told in. */
  language: Language;
  timeZone: string;
  /** Epoch ms. */
  timestamp: number;
}

/** A PIDF document (RFC 3863) in the RFC 4479 data model with RPID (RFC 4480) activities. */
export function buildPidf(input: PidfInput): string {
  const timestamp = xmlDateTime(input.timestamp, 'timestamp');
  const until = input.until === null ? null : xmlDateTime(input.until, 'until');
  // Enforced here as well as by the caller: the privacy rule must not hinge on every caller getting it right.
  const callState = input.callState === null ? null : callStateFor(input.profile.status, input.callState);
  const activities = activitiesForProfile(input.profile);
  const onThePhone = callState?.kind === 'busy';
  const message = input.message.trim();
  const lang = attr(input.language);
  const note = text(
    presenceNote({
      profileName: input.profile.name,
      until: input.until,
      message,
      now: input.timestamp,
      language: input.language,
      timeZone: input.timeZone,
    }),
  );

  const activityLines = activities.map((activity) =>
    activity.token === 'other' ? `      <rpid:other>${text(activity.description)}</rpid:other>` : `      <rpid:${activity.token}/>`,
  );
  if (onThePhone) activityLines.push('      <rpid:on-the-phone/>');

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<presence xmlns="${PIDF_NS}" xmlns:dm="${DATA_MODEL_NS}" xmlns:rpid="${RPID_NS}" xmlns:pp="${PROFILTELEFON_NS}" entity="${attr(input.entity)}">`,
    // The SIP service stays open under every profile: a profile changes what colleagues see, never whether calls connect.
    '  <tuple id="sip">',
    '    <status><basic>open</basic></status>',
    `    <contact>${text(input.entity)}</contact>`,
    // Repeated on the tuple for watchers that read only RFC 3863 tuple notes.
    `    <note xml:lang="${lang}">${note}</note>`,
    `    <timestamp>${timestamp}</timestamp>`,
    '  </tuple>',
    '  <dm:person id="person">',
    ...(activityLines.length === 0
      ? []
      : [
          // `until` is the profile's end; it is only set when the profile itself has an activity.
          `    <rpid:activities${until !== null && activities.length > 0 ? ` until="${until}"` : ''}>`,
          ...activityLines,
          '    </rpid:activities>',
        ]),
    `    <pp:profile number="${attr(String(input.profile.number))}"${until === null ? '' : ` until="${until}"`}>${text(input.profile.name)}</pp:profile>`,
    // The status message alone, for our own client, which shows the name and end from pp:profile.
    `    <pp:message>${text(message)}</pp:message>`,
    ...(callState === null ? [] : [`    <pp:callstate>${visibleCallState(callState)}</pp:callstate>`]),
    `    <dm:note xml:lang="${lang}">${note}</dm:note>`,
    `    <dm:timestamp>${timestamp}</dm:timestamp>`,
    '  </dm:person>',
    '</presence>',
  ];
  return lines.join('\n');
}
