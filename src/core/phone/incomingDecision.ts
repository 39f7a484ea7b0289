import type { Account } from '../account/model';
import type { AppError } from '../errors';
import { spokenWords } from '../profiles/announcementWords';
import type { CalledLine, IncomingRule, Profile } from '../profiles/model';
import type { Language } from '../i18n/language';
import { announcementDurationMs, announcementText, type AnnouncementContext } from './announcement';
import { resolveForwardTarget, type ResolvedTarget } from './dialTarget';
import { hasPriorityAccess } from './priorityCaller';
import type { CallerIdentity } from './remoteParty';

/** The caller hears the account's announcement language, whatever language the UI is in. */
export interface IncomingSituation extends Omit<AnnouncementContext, 'language'> {
  profile: Profile;
  account: Account;
  /** The user is already in a call, or placing one. */
  busy: boolean;
  /** Who calls, as the PBX delivers it; none for a withheld identity. */
  caller: readonly CallerIdentity[];
  /** Which of the user's lines the caller dialled (`calledLine`). */
  line: CalledLine;
}

export type IncomingDecision =
  | {
      kind: 'ring';
      /** The user is in another call: ring softly, and hold that call on answer. */
      callWaiting: boolean;
      noAnswer: { afterMs: number; target: ResolvedTarget } | null;
    }
  | { kind: 'reject-busy' }
  /** 302 with the target as Contact. */
  | { kind: 'forward'; target: ResolvedTarget }
  /**
   * Answer, let the caller hear the text spoken in `language` (or, with no speech engine, a tone
   * for `durationMs`), then transfer (REFER) or hang up.
   */
  | {
      kind: 'announce';
      text: string;
      language: Language;
      durationMs: number;
      then: { kind: 'transfer'; target: ResolvedTarget } | { kind: 'hangup' };
    };

export interface IncomingOutcome {
  decision: IncomingDecision;
  /** Settings that could not be followed, e.g. a forward to a mobile number the account lacks. */
  problems: AppError[];
}

/** The profile's rule for calls to `line`: its own when the profile has one for that line, else the rule for all. */
export function ruleForLine(profile: Profile, line: CalledLine): IncomingRule {
  return profile.incoming.byLine[line] ?? profile.incoming;
}

/**
 * What the active profile does with a new incoming call, by the rule for the line it came in on. A target that cannot be reached never
 * loses the call: it rings instead. A caller with priority access rings whatever the profile
 * says (softly, as a waiting call, when the user is in another), and the profile's forward when
 * nobody answers still applies.
 */
export function decideIncoming(situation: IncomingSituation): IncomingOutcome {
  const { profile, account, busy } = situation;
  const rule = ruleForLine(profile, situation.line);
  const problems: AppError[] = [];
  const forwardTo = (target: Parameters<typeof resolveForwardTarget>[0]): ResolvedTarget | null => {
    const resolved = resolveForwardTarget(target, account);
    if (resolved.ok) return resolved.value;
    problems.push(resolved.error);
    return null;
  };
  const ring = (callWaiting: boolean): IncomingDecision => {
    const noAnswer = rule.noAnswer;
    const target = noAnswer !== null && noAnswer.afterSeconds > 0 ? forwardTo(noAnswer.target) : null;
    return {
      kind: 'ring',
      callWaiting,
      noAnswer: noAnswer !== null && target !== null ? { afterMs: noAnswer.afterSeconds * 1000, target } : null,
    };
  };

  if (hasPriorityAccess(account.priorityAccess, situation.caller)) return { decision: ring(busy), problems };

  if (busy) {
    const whenBusy = rule.whenBusy;
    if (whenBusy.kind === 'callWaiting') return { decision: ring(true), problems };
    if (whenBusy.kind === 'busy') return { decision: { kind: 'reject-busy' }, problems };
    const target = forwardTo(whenBusy.target);
    return { decision: target ? { kind: 'forward', target } : { kind: 'reject-busy' }, problems };
  }

  const action = rule.action;
  switch (action.kind) {
    case 'ring':
      return { decision: ring(false), problems };
    case 'busy':
      return { decision: { kind: 'reject-busy' }, problems };
    case 'forward': {
      const target = forwardTo(action.target);
      return { decision: target ? { kind: 'forward', target } : ring(false), problems };
    }
    case 'announcement': {
      const language = account.announcementLanguage;
      const text = announcementText(spokenWords(profile.id, action.text, language), action.sayEnd, { ...situation, language });
      const target = action.then.kind === 'forward' ? forwardTo(action.then.target) : null;
      const then = target ? { kind: 'transfer' as const, target } : { kind: 'hangup' as const };
      return { decision: { kind: 'announce', text, language, durationMs: announcementDurationMs(text), then }, problems };
    }
  }
}
