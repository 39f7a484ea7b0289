import type { AccountNumbers } from '../../core/account/model';
import {
  CALLED_LINES,
  NOTIFICATION_KINDS,
  PLATFORMS,
  type CalledLine,
  type CallerId,
  type ForwardTarget,
  type IncomingAction,
  type IncomingCalls,
  type IncomingRule,
  type NotificationMatrix,
  type Profile,
  type ProfileStatus,
} from '../../core/profiles/model';
import { nextFreeProfileNumber } from '../../core/profiles/validation';
import type { DefaultLength } from '../../core/time/lengths';
import { defaultCallerId } from './callerIdOptions';

/**
 * The profile form's own state. Numbers stay text while the user types, and every sub-setting is
 * kept even while hidden, so switching "Ring" → "Vidarekoppla" → "Ring" loses nothing.
 */
export interface ForwardTargetDraft {
  kind: ForwardTarget['kind'];
  /** What the user typed; normalised to E.164 only when the draft is read. */
  number: string;
  /** The colleague picked from the directory, for `colleague`. */
  colleague?: { name: string; uri: string } | null;
}

export type ActionChoice = IncomingAction['kind'];
export type AnnouncementFollowUp = 'forward' | 'hangup';
export type WhenBusyChoice = IncomingCalls['whenBusy']['kind'];
/** A line follows the profile's rule for all (`same`), or has an action of its own. */
export type LineChoice = 'same' | ActionChoice;
export const LINE_CHOICES: readonly LineChoice[] = ['same', 'ring', 'busy', 'forward', 'announcement'];

export interface LineDraft {
  choice: LineChoice;
  /** The line's rule as stored, kept as it is while its action stays chosen. */
  stored: IncomingRule | null;
}

export const LENGTH_PRESET_MINUTES = [15, 30, 60, 120, 240] as const;
export const LENGTH_CHOICES = [
  'minutes-15',
  'minutes-30',
  'minutes-60',
  'minutes-120',
  'minutes-240',
  'minutes',
  'untilChanged',
  'untilTimeOfDay',
  'nextWorkingDayStart',
  'endOfWorkingDay',
  'days',
] as const;
/** A preset (`minutes-60`), a length without a value, or a kind whose value is typed (`minutes`, `days`, `untilTimeOfDay`). */
export type LengthChoice = (typeof LENGTH_CHOICES)[number];

export interface ProfileFormDraft {
  name: string;
  number: string;
  status: ProfileStatus;
  statusMessage: string;
  notifications: NotificationMatrix;
  callerId: { calls: CallerId; sms: CallerId };
  incoming: {
    action: ActionChoice;
    actionTarget: ForwardTargetDraft;
    announcementText: string;
    announcementSayEnd: boolean;
    announcementThen: AnnouncementFollowUp;
    announcementTarget: ForwardTargetDraft;
    noAnswerEnabled: boolean;
    noAnswerSeconds: string;
    noAnswerTarget: ForwardTargetDraft;
    whenBusy: WhenBusyChoice;
    whenBusyTarget: ForwardTargetDraft;
    /** "Samma för alla nummer": off shows a row per line. */
    sameForAllLines: boolean;
    byLine: Record<CalledLine, LineDraft>;
  };
  recordCalls: boolean;
  announceRecording: boolean;
  allowListenIn: boolean;
  length: { choice: LengthChoice; minutes: string; time: string; days: string };
  calendarPriority: string;
}

/**
 * The `field` paths the form shows errors beside. They are the paths `validateProfile` uses, so
 * its errors land next to the input that caused them.
 */
export const FIELD = {
  name: 'name',
  number: 'number',
  statusMessage: 'statusMessage',
  callerIdCalls: 'callerId.calls',
  callerIdSms: 'callerId.sms',
  actionTarget: 'incoming.action.target',
  announcementText: 'incoming.action.text',
  announcementTarget: 'incoming.action.then.target',
  noAnswerSeconds: 'incoming.noAnswer.afterSeconds',
  noAnswerTarget: 'incoming.noAnswer.target',
  whenBusyTarget: 'incoming.whenBusy.target',
  lengthMinutes: 'defaultLength.minutes',
  lengthTime: 'defaultLength.time',
  lengthDays: 'defaultLength.days',
  calendarPriority: 'calendarPriority',
} as const;
export type FieldPath = (typeof FIELD)[keyof typeof FIELD];

/** Stands in for the id of a profile that is not created yet; the services assign the real one. */
export const UNSAVED_PROFILE_ID = 'unsaved-profile';
export const DEFAULT_NO_ANSWER_SECONDS = 25;
const NAME_MAX_LENGTH = 60;

const voicemailDraft = (): ForwardTargetDraft => ({ kind: 'voicemail', number: '' });
const mobileDraft = (): ForwardTargetDraft => ({ kind: 'mobile', number: '' });

function targetDraft(target: ForwardTarget | undefined, fallback: () => ForwardTargetDraft): ForwardTargetDraft {
  if (!target) return fallback();
  return {
    kind: target.kind,
    number: target.kind === 'number' ? target.number : '',
    ...(target.kind === 'colleague' ? { colleague: { name: target.name, uri: target.uri } } : {}),
  };
}

export function lengthChoiceOf(length: DefaultLength): LengthChoice {
  if (length.kind !== 'minutes') return length.kind;
  const preset = LENGTH_PRESET_MINUTES.find((minutes) => minutes === length.minutes);
  return preset === undefined ? 'minutes' : `minutes-${preset}`;
}

export function draftFromProfile(profile: Profile): ProfileFormDraft {
  const { action, noAnswer, whenBusy } = profile.incoming;
  const length = profile.defaultLength;
  return {
    name: profile.name,
    number: String(profile.number),
    status: profile.status,
    statusMessage: profile.statusMessage,
    notifications: copyMatrix(profile.notifications),
    callerId: { ...profile.callerId },
    incoming: {
      action: action.kind,
      actionTarget: targetDraft(action.kind === 'forward' ? action.target : undefined, mobileDraft),
      announcementText: action.kind === 'announcement' ? action.text : '',
      announcementSayEnd: action.kind === 'announcement' ? action.sayEnd : true,
      announcementThen: action.kind === 'announcement' ? action.then.kind : 'forward',
      announcementTarget: targetDraft(
        action.kind === 'announcement' && action.then.kind === 'forward' ? action.then.target : undefined,
        voicemailDraft,
      ),
      noAnswerEnabled: noAnswer !== null,
      noAnswerSeconds: String(noAnswer?.afterSeconds ?? DEFAULT_NO_ANSWER_SECONDS),
      noAnswerTarget: targetDraft(noAnswer?.target, voicemailDraft),
      whenBusy: whenBusy.kind,
      whenBusyTarget: targetDraft(whenBusy.kind === 'forward' ? whenBusy.target : undefined, voicemailDraft),
      sameForAllLines: CALLED_LINES.every((line) => !profile.incoming.byLine[line]),
      byLine: Object.fromEntries(
        CALLED_LINES.map((line): [CalledLine, LineDraft] => {
          const rule = profile.incoming.byLine[line];
          return [line, { choice: rule?.action.kind ?? 'same', stored: rule ?? null }];
        }),
      ) as Record<CalledLine, LineDraft>,
    },
    recordCalls: profile.recordCalls,
    announceRecording: profile.announceRecording,
    allowListenIn: profile.allowListenIn,
    length: {
      choice: lengthChoiceOf(length),
      minutes: length.kind === 'minutes' ? String(length.minutes) : '90',
      time: length.kind === 'untilTimeOfDay' ? length.time : '17:00',
      days: length.kind === 'days' ? String(length.days) : '1',
    },
    calendarPriority: String(profile.calendarPriority),
  };
}

/** Row by row: the standard profiles share one row object between kinds, and structuredClone keeps that sharing. */
export function copyMatrix(matrix: NotificationMatrix): NotificationMatrix {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { ...matrix[kind] }])) as NotificationMatrix;
}

/** True when an account has numbers at all; before that, caller IDs cannot be checked against it. */

export function blankDraft(profiles: readonly Profile[], numbers: AccountNumbers): ProfileFormDraft {
  const everywhere = { desktop: true, mobile: true, web: true };
  const notifications = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { ...everywhere }])) as NotificationMatrix;
  const callerId = defaultCallerId(numbers);
  return draftFromProfile({
    id: UNSAVED_PROFILE_ID,
    number: nextFreeProfileNumber(profiles),
    name: '',
    status: 'available',
    statusMessage: '',
    notifications,
    callerId: { calls: callerId, sms: callerId },
    incoming: {
      action: { kind: 'ring' },
      noAnswer: { afterSeconds: DEFAULT_NO_ANSWER_SECONDS, target: { kind: 'voicemail' } },
      whenBusy: { kind: 'callWaiting' },
      byLine: {},
    },
    recordCalls: false,
    announceRecording: false,
    allowListenIn: false,
    defaultLength: { kind: 'untilChanged' },
    calendarPriority: 0,
  });
}

/**
 * The first of `copyName(name, 1)`, `copyName(name, 2)`, … that no profile uses (compared as
 * `validateProfile` compares names), shortening the source name so the result fits the schema.
 */
export function uniqueCopyName(name: string, profiles: readonly Profile[], copyName: (name: string, attempt: number) => string): string {
  const taken = new Set(profiles.map((profile) => profile.name.trim().toLocaleLowerCase('sv')));
  for (let attempt = 1; ; attempt++) {
    let candidate = copyName(name, attempt);
    const overflow = candidate.length - NAME_MAX_LENGTH;
    if (overflow > 0) candidate = copyName(`${name.slice(0, Math.max(1, name.length - overflow - 1))}…`, attempt);
    if (!taken.has(candidate.trim().toLocaleLowerCase('sv'))) return candidate;
  }
}

export function duplicateDraft(
  source: Profile,
  profiles: readonly Profile[],
  copyName: (name: string, attempt: number) => string,
): ProfileFormDraft {
  return draftFromProfile({
    ...source,
    name: uniqueCopyName(source.name, profiles, copyName),
    number: nextFreeProfileNumber(profiles),
  });
}

export function draftsEqual(a: ProfileFormDraft, b: ProfileFormDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const NOTIFICATION_ROWS = NOTIFICATION_KINDS;
export const NOTIFICATION_COLUMNS = PLATFORMS;
