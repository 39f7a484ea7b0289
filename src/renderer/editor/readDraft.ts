import type { AppError } from '../../core/errors';
import { normalizeToE164 } from '../../core/phone/numbers/phoneNumber';
import type { AccountNumbers } from '../../core/account/model';
import {
  CALLED_LINES,
  ProfileSchema,
  type CalledLine,
  type ForwardTarget,
  type IncomingAction,
  type IncomingCalls,
  type IncomingRule,
  type Profile,
  type ProfileDraft,
} from '../../core/profiles/model';
import { validateProfile } from '../../core/profiles/validation';
import type { DefaultLength } from '../../core/time/lengths';
import { TIME_OF_DAY } from '../../core/time/workingHours';
import { STANDARD_ANNOUNCEMENTS } from '../../core/profiles/announcementWords';
import {
  copyMatrix,
  DEFAULT_NO_ANSWER_SECONDS,
  FIELD,
  UNSAVED_PROFILE_ID,
  type ActionChoice,
  type FieldPath,
  type ForwardTargetDraft,
  type LineDraft,
  type ProfileFormDraft,
} from './editorDraft';

const WHOLE_NUMBER = /^[+-]?\d{1,9}$/;

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
