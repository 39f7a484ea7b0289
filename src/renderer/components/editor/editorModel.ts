import type { AppError } from '../../../core/errors';
import { normalizeToE164 } from '../../../core/numbers/phoneNumber';
import { NUMBER_KINDS, type AccountNumbers } from '../../../core/account/model';
import {
  CALLED_LINES,
  NOTIFICATION_KINDS,
  PLATFORMS,
  ProfileSchema,
  type CalledLine,
  type CallerId,
  type ForwardTarget,
  type IncomingAction,
  type IncomingCalls,
  type IncomingRule,
  type NotificationMatrix,
  type Profile,
  type ProfileDraft,
  type ProfileStatus,
} from '../../../core/profiles/model';
import { nextFreeProfileNumber, validateProfile } from '../../../core/profiles/validation';
import { announcementText } from '../../../core/phone/announcement';
import type { Language } from '../../../core/i18n/language';
import { endForLength, type DefaultLength } from '../../../core/time/lengths';
import { TIME_OF_DAY, type TimeContext } from '../../../core/time/workingHours';
import { spokenWords, STANDARD_ANNOUNCEMENTS } from '../../../core/profiles/announcementWords';

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

const DEFAULT_NO_ANSWER_SECONDS = 25;
const WHOLE_NUMBER = /^[+-]?\d{1,9}$/;
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
function copyMatrix(matrix: NotificationMatrix): NotificationMatrix {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { ...matrix[kind] }])) as NotificationMatrix;
}

/** True when an account has numbers at all; before that, caller IDs cannot be checked against it. */
export function accountHasNumbers(numbers: AccountNumbers): boolean {
  return Object.values(numbers).some((number) => number !== null);
}

/** The first number the account owns, so a new profile starts with a caller ID it may use. */
export function defaultCallerId(numbers: AccountNumbers): CallerId {
  if (!accountHasNumbers(numbers)) return 'landline';
  return NUMBER_KINDS.find((kind) => numbers[kind] !== null) ?? 'hidden';
}

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

export interface DraftContext {
  /** The stored profile being edited; absent for a new or duplicated one. */
  previous?: Profile;
  /** Every stored profile; the one being edited is left out of the duplicate checks. */
  profiles: readonly Profile[];
  numbers: AccountNumbers;
}

export interface DraftReading {
  profile: Profile;
  /** Empty when `profile` may be sent. Each error names the `FieldPath` it belongs beside. */
  errors: AppError[];
}

/**
 * Turns the form into the profile it describes, with every error the services would refuse it
 * for: the same `validateProfile`, plus what only the form can get wrong (text in a number field,
 * a forward number that cannot be read). Where the form already explains a field, the rules'
 * error about the placeholder it used is left out.
 */
export function readDraft(draft: ProfileFormDraft, context: DraftContext): DraftReading {
  const formErrors: AppError[] = [];
  const wholeNumber = (text: string, field: FieldPath): number => {
    const trimmed = text.trim();
    if (WHOLE_NUMBER.test(trimmed)) return Number(trimmed);
    formErrors.push({ code: 'not-a-whole-number', field, message: `"${text}" is not a whole number.` });
    return 0;
  };
  const forwardTarget = (target: ForwardTargetDraft, field: FieldPath): ForwardTarget => {
    if (target.kind === 'colleague') {
      if (target.colleague) return { kind: 'colleague', name: target.colleague.name, uri: target.colleague.uri };
      formErrors.push({ code: 'forward-colleague-missing', field, message: 'Choose a colleague from the directory.' });
      return { kind: 'voicemail' };
    }
    if (target.kind !== 'number') return { kind: target.kind };
    const normalized = normalizeToE164(target.number);
    if (normalized.ok) return { kind: 'number', number: normalized.value };
    formErrors.push({ ...normalized.error, field });
    return { kind: 'number', number: target.number };
  };

  const { incoming } = draft;
  const action = ((): IncomingAction => {
    switch (incoming.action) {
      case 'ring':
      case 'busy':
        return { kind: incoming.action };
      case 'forward':
        return { kind: 'forward', target: forwardTarget(incoming.actionTarget, FIELD.actionTarget) };
      case 'announcement':
        return {
          kind: 'announcement',
          text: incoming.announcementText,
          sayEnd: incoming.announcementSayEnd,
          then:
            incoming.announcementThen === 'hangup'
              ? { kind: 'hangup' }
              : { kind: 'forward', target: forwardTarget(incoming.announcementTarget, FIELD.announcementTarget) },
        };
    }
  })();
  const noAnswer = incoming.noAnswerEnabled
    ? {
        afterSeconds: wholeNumber(incoming.noAnswerSeconds, FIELD.noAnswerSeconds),
        target: forwardTarget(incoming.noAnswerTarget, FIELD.noAnswerTarget),
      }
    : null;
  const whenBusy: IncomingCalls['whenBusy'] =
    incoming.whenBusy === 'forward'
      ? { kind: 'forward', target: forwardTarget(incoming.whenBusyTarget, FIELD.whenBusyTarget) }
      : { kind: incoming.whenBusy };

  const profile: Profile = {
    id: context.previous?.id ?? UNSAVED_PROFILE_ID,
    number: wholeNumber(draft.number, FIELD.number),
    name: draft.name,
    status: draft.status,
    statusMessage: draft.statusMessage,
    notifications: copyMatrix(draft.notifications),
    callerId: { ...draft.callerId },
    incoming: {
      action,
      noAnswer,
      whenBusy,
      byLine: incoming.sameForAllLines ? {} : readLines(incoming.byLine, { action, noAnswer, whenBusy }, context.previous?.id),
    },
    recordCalls: draft.recordCalls,
    announceRecording: draft.announceRecording,
    allowListenIn: draft.allowListenIn,
    defaultLength: readLength(draft.length, wholeNumber, formErrors),
    calendarPriority: wholeNumber(draft.calendarPriority, FIELD.calendarPriority),
  };

  const others = context.profiles.filter((other) => other.id !== context.previous?.id);
  const explained = new Set(formErrors.map((error) => error.field));
  const ruleErrors = validateProfile(profile, others, context.numbers, context.previous).filter((error) => !explained.has(error.field));
  for (const error of ruleErrors) explained.add(error.field);
  return { profile, errors: [...formErrors, ...ruleErrors, ...schemaErrors(profile, explained)] };
}

/**
 * The lines with an action of their own. A line keeps its stored rule while that action stays
 * chosen; a newly chosen action takes the usual rule for it, with the forward target or the
 * announcement of the profile's rule for all where it has one.
 */
function readLines(lines: Record<CalledLine, LineDraft>, forAll: IncomingRule, profileId: string | undefined): IncomingCalls['byLine'] {
  const byLine: IncomingCalls['byLine'] = {};
  for (const line of CALLED_LINES) {
    const { choice, stored } = lines[line];
    if (choice === 'same') continue;
    byLine[line] = stored?.action.kind === choice ? stored : lineRule(choice, forAll, profileId);
  }
  return byLine;
}

const FALLBACK_ANNOUNCEMENT = 'Jag kan inte ta samtalet just nu';

function lineRule(choice: ActionChoice, forAll: IncomingRule, profileId: string | undefined): IncomingRule {
  const toVoicemail = { kind: 'forward', target: { kind: 'voicemail' } } as const;
  switch (choice) {
    case 'ring':
      return {
        action: { kind: 'ring' },
        noAnswer: forAll.noAnswer ?? { afterSeconds: DEFAULT_NO_ANSWER_SECONDS, target: { kind: 'voicemail' } },
        whenBusy: { kind: 'callWaiting' },
      };
    case 'busy':
      return { action: { kind: 'busy' }, noAnswer: null, whenBusy: { kind: 'busy' } };
    case 'forward': {
      const target: ForwardTarget = forAll.action.kind === 'forward' ? forAll.action.target : { kind: 'mobile' };
      return { action: { kind: 'forward', target }, noAnswer: null, whenBusy: { kind: 'forward', target } };
    }
    case 'announcement': {
      const standard = (STANDARD_ANNOUNCEMENTS as Record<string, { words: { sv: string }; sayEnd: boolean } | undefined>)[profileId ?? ''];
      const action: IncomingAction =
        forAll.action.kind === 'announcement'
          ? forAll.action
          : {
              kind: 'announcement',
              text: standard?.words.sv ?? FALLBACK_ANNOUNCEMENT,
              sayEnd: standard?.sayEnd ?? true,
              then: toVoicemail,
            };
      return { action, noAnswer: null, whenBusy: toVoicemail };
    }
  }
}

function readLength(
  length: ProfileFormDraft['length'],
  wholeNumber: (text: string, field: FieldPath) => number,
  formErrors: AppError[],
): DefaultLength {
  switch (length.choice) {
    case 'minutes-15':
    case 'minutes-30':
    case 'minutes-60':
    case 'minutes-120':
    case 'minutes-240':
      return { kind: 'minutes', minutes: Number(length.choice.slice('minutes-'.length)) };
    case 'minutes':
      return { kind: 'minutes', minutes: wholeNumber(length.minutes, FIELD.lengthMinutes) };
    case 'days':
      return { kind: 'days', days: wholeNumber(length.days, FIELD.lengthDays) };
    case 'untilTimeOfDay':
      if (!TIME_OF_DAY.test(length.time)) {
        formErrors.push({ code: 'time-invalid', field: FIELD.lengthTime, message: `"${length.time}" is not a time of day (HH:MM).` });
      }
      return { kind: 'untilTimeOfDay', time: length.time };
    case 'untilChanged':
    case 'nextWorkingDayStart':
    case 'endOfWorkingDay':
      return { kind: length.choice };
  }
}

/** Anything else the schema would refuse at the IPC, so nothing is sent that would bounce. */
function schemaErrors(profile: Profile, explained: ReadonlySet<string | undefined>): AppError[] {
  const parsed = ProfileSchema.safeParse(profile);
  if (parsed.success) return [];
  return parsed.error.issues
    .map((issue): AppError => ({
      code: issue.code === 'too_big' ? 'text-too-long' : 'invalid-value',
      field: issue.path.join('.'),
      message: issue.message,
    }))
    .filter((error) => !explained.has(error.field));
}

/** What `profile:create` takes: the profile without the id the services will give it. */
export function toProfileDraft(profile: Profile): ProfileDraft {
  const { id: _unsavedId, ...draft } = profile;
  return draft;
}

export function draftsEqual(a: ProfileFormDraft, b: ProfileFormDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface CallerIdOption {
  value: CallerId;
  /** The account's E.164 number for this choice; null for "hidden" and for numbers it lacks. */
  number: string | null;
  selectable: boolean;
}

/**
 * The caller IDs in the order the form lists them. A number the account lacks cannot be chosen,
 * except the one already stored (validation lets it stay) and while the account has no numbers.
 */
export function callerIdOptions(numbers: AccountNumbers, stored?: CallerId): CallerIdOption[] {
  const known = accountHasNumbers(numbers);
  return [
    ...NUMBER_KINDS.map((kind) => ({
      value: kind,
      number: numbers[kind],
      selectable: !known || numbers[kind] !== null || stored === kind,
    })),
    { value: 'hidden' as const, number: null, selectable: true },
  ];
}

export const NOTIFICATION_ROWS = NOTIFICATION_KINDS;
export const NOTIFICATION_COLUMNS = PLATFORMS;

/** What a caller would hear if the profile in the form were chosen now: the editor's preview. */
export function previewAnnouncement(
  draft: ProfileFormDraft,
  context: DraftContext & TimeContext & { now: number; language: Language },
): string {
  const { profile, errors } = readDraft(draft, context);
  const lengthFields: readonly string[] = [FIELD.lengthMinutes, FIELD.lengthTime, FIELD.lengthDays];
  const lengthReadable = !errors.some((error) => error.field !== undefined && lengthFields.includes(error.field));
  const until = lengthReadable ? endForLength(profile.defaultLength, context.now, context) : null;
  const words = spokenWords(profile.id, draft.incoming.announcementText, context.language);
  return announcementText(words, draft.incoming.announcementSayEnd, {
    until: until !== null && Number.isFinite(until) ? until : null,
    now: context.now,
    language: context.language,
    timeZone: context.timeZone,
  });
}
