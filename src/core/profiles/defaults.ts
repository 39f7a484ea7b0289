import { STANDARD_ANNOUNCEMENTS, type StandardAnnouncementId } from './announcementWords';
import type { DefaultLength } from '../time/lengths';
import type { CallerId, IncomingCalls, IncomingRule, NotificationMatrix, Profile, ProfileStatus } from './model';

export const BASE_PROFILE_ID = 'available';
export const BASE_PROFILE_NUMBER = 1;

const everywhere = { desktop: true, mobile: true, web: true };
const nowhere = { desktop: false, mobile: false, web: false };
const mobileOnly = { desktop: false, mobile: true, web: false };

const allNotifications: NotificationMatrix = {
  incomingCall: everywhere,
  missedCall: everywhere,
  voicemail: everywhere,
  chat: everywhere,
  sms: everywhere,
  profileEnding: everywhere,
  colleagueAvailable: everywhere,
};

/** Calls are answered by an announcement, so nothing rings; what was left behind still notifies. */
const awayAtDesk: NotificationMatrix = { ...allNotifications, incomingCall: nowhere };

/** Off work: the desktop stays quiet except for the profile ending; the phone gets voicemail and SMS. */
const offWork: NotificationMatrix = {
  incomingCall: nowhere,
  missedCall: mobileOnly,
  voicemail: mobileOnly,
  chat: nowhere,
  sms: mobileOnly,
  profileEnding: everywhere,
  colleagueAvailable: nowhere,
};

const ringRule: IncomingRule = {
  action: { kind: 'ring' },
  noAnswer: { afterSeconds: 25, target: { kind: 'voicemail' } },
  whenBusy: { kind: 'callWaiting' },
};
const ringThenVoicemail: IncomingCalls = { ...ringRule, byLine: {} };

const announce = (id: StandardAnnouncementId): IncomingCalls => ({
  action: {
    kind: 'announcement',
    text: STANDARD_ANNOUNCEMENTS[id].words.sv,
    sayEnd: STANDARD_ANNOUNCEMENTS[id].sayEnd,
    then: { kind: 'forward', target: { kind: 'voicemail' } },
  },
  noAnswer: null,
  whenBusy: { kind: 'forward', target: { kind: 'voicemail' } },
  byLine: {},
});

/** After work, callers who dialled the landline hear where the user is; the mobile number still reaches her. */
const offWorkOnLandline: IncomingCalls = {
  ...announce('left-for-the-day'),
  byLine: { mobile: ringRule },
};

const forwardToMobile: IncomingCalls = {
  action: { kind: 'forward', target: { kind: 'mobile' } },
  noAnswer: null,
  whenBusy: { kind: 'forward', target: { kind: 'mobile' } },
  byLine: {},
};

interface Row {
  id: string;
  name: string;
  status: ProfileStatus;
  defaultLength: DefaultLength;
  incoming: IncomingCalls;
  callerId: CallerId;
  notifications: NotificationMatrix;
  calendarPriority: number;
}

const rows: Row[] = [
  {
    id: BASE_PROFILE_ID,
    name: 'Tillgänglig',
    status: 'available',
    defaultLength: { kind: 'untilChanged' },
    incoming: ringThenVoicemail,
    callerId: 'landline',
    notifications: allNotifications,
    calendarPriority: 0,
  },
  {
    id: 'lunch',
    name: 'Lunch',
    status: 'available',
    defaultLength: { kind: 'minutes', minutes: 60 },
    incoming: announce('lunch'),
    callerId: 'landline',
    notifications: awayAtDesk,
    calendarPriority: 40,
  },
  {
    id: 'meeting',
    name: 'Möte',
    status: 'available',
    defaultLength: { kind: 'minutes', minutes: 60 },
    incoming: announce('meeting'),
    callerId: 'landline',
    notifications: awayAtDesk,
    calendarPriority: 50,
  },
  {
    id: 'left-for-the-day',
    name: 'Slutat för dagen',
    status: 'unavailable',
    defaultLength: { kind: 'nextWorkingDayStart' },
    incoming: offWorkOnLandline,
    callerId: 'mobile',
    notifications: offWork,
    calendarPriority: 30,
  },
  {
    id: 'vacation',
    name: 'Semester',
    status: 'unavailable',
    defaultLength: { kind: 'days', days: 7 },
    incoming: announce('vacation'),
    callerId: 'mobile',
    notifications: offWork,
    calendarPriority: 80,
  },
  {
    id: 'sick',
    name: 'Sjuk',
    status: 'unavailable',
    defaultLength: { kind: 'nextWorkingDayStart' },
    incoming: announce('sick'),
    callerId: 'landline',
    notifications: offWork,
    calendarPriority: 90,
  },
  {
    id: 'temporarily-out',
    name: 'Tillfälligt ute',
    status: 'available',
    defaultLength: { kind: 'minutes', minutes: 30 },
    incoming: forwardToMobile,
    callerId: 'landline',
    notifications: allNotifications,
    calendarPriority: 20,
  },
  {
    id: 'business-trip',
    name: 'Tjänsteresa',
    status: 'available',
    defaultLength: { kind: 'endOfWorkingDay' },
    incoming: forwardToMobile,
    callerId: 'mobile',
    notifications: allNotifications,
    calendarPriority: 60,
  },
  {
    id: 'care-of-child',
    name: 'Vård av barn',
    status: 'unavailable',
    defaultLength: { kind: 'nextWorkingDayStart' },
    incoming: announce('care-of-child'),
    callerId: 'landline',
    notifications: offWork,
    calendarPriority: 90,
  },
  {
    id: 'training',
    name: 'Utbildning',
    status: 'unavailable',
    defaultLength: { kind: 'endOfWorkingDay' },
    incoming: announce('training'),
    callerId: 'landline',
    notifications: offWork,
    calendarPriority: 70,
  },
];

/** A deep copy that shares nothing, not even the flag objects several kinds start out with. */
const separateCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function defaultProfiles(): Profile[] {
  return rows.map((row, index) =>
    separateCopy({
      id: row.id,
      number: index + 1,
      name: row.name,
      status: row.status,
      statusMessage: '',
      notifications: row.notifications,
      callerId: { calls: row.callerId, sms: row.callerId },
      incoming: row.incoming,
      recordCalls: false,
      announceRecording: false,
      allowListenIn: false,
      defaultLength: row.defaultLength,
      calendarPriority: row.calendarPriority,
    }),
  );
}
