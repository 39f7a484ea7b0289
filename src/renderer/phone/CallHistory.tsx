import { memo, useId } from 'react';
import { sameHistoryEntry, type CallHistoryEntry } from '../../core/phone/history';
import type { RemoteParty } from '../../core/phone/remoteParty';
import { calendarYear, connectedSeconds, formatCallDuration, formatCallStart } from '../../core/phone/callTimes';
import { phone } from './phone';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { useFailureText, useParty } from './usePhoneText';

const SHOWN = 50;
const NO_HISTORY: CallHistoryEntry[] = [];

function partyOf(entry: CallHistoryEntry): RemoteParty {
  return {
    number: entry.remoteNumber,
    name: entry.remoteName,
    uri: entry.remoteUri,
    anonymous: entry.remoteUri === '' && entry.remoteNumber === null,
  };
}

interface HistoryRowProps {
  entry: CallHistoryEntry;
  /** The present year where the user is, not the present moment: a row changes only with its entry. */
  currentYear: string;
  timeZone: string;
}

/** One call of the history; it re-renders only when its own entry (or the year, zone or language) changes. */
const HistoryRow = memo(
  function HistoryRow({ entry, currentYear, timeZone }: HistoryRowProps) {
    const t = useTranslation();
    const language = useLanguage();
    const party = useParty();
    const failureText = useFailureText();
    const remote = partyOf(entry);
    const { primary, secondary } = party.describe(remote);
    const callBack = entry.remoteNumber ?? entry.remoteUri;
    const seconds = connectedSeconds(entry);
    return (
      <li
        className={`phone-history__entry phone-history__entry--${entry.outcome}`}
        data-outcome={entry.outcome}
        data-direction={entry.direction}
      >
        <span className="phone-history__direction" aria-hidden="true">
          {entry.direction === 'incoming' ? '↙' : '↗'}
        </span>
        <span className="phone-history__party">
          <span className="phone-party__primary">{primary}</span>
          {secondary !== '' && <span className="phone-party__secondary">{secondary}</span>}
        </span>
        <span className="phone-history__meta">
          {t(entry.direction === 'incoming' ? 'phone.history.incoming' : 'phone.history.outgoing')}, {t(`phone.outcome.${entry.outcome}`)}
          {' · '}
          <time dateTime={new Date(entry.startedAt).toISOString()}>
            {formatCallStart(entry.startedAt, currentYear, language, timeZone)}
          </time>
          {seconds !== null && (
            <>
              {' · '}
              <span data-testid="history-duration">{t('phone.history.duration', { duration: formatCallDuration(seconds) })}</span>
            </>
          )}
          {entry.failure && (
            <>
              {' · '}
              <span data-testid="history-failure" data-failure={entry.failure.reason}>
                {t('phone.history.reason', { reason: failureText(entry.failure) })}
              </span>
            </>
          )}
          {entry.recordingFile && (
            <>
              {' · '}
              <span data-testid="history-recorded">{t('phone.history.recorded')}</span>
            </>
          )}
          {entry.callerIdShown !== null && (
            <>
              {' · '}
              {t('phone.history.shown', {
                callerId: entry.callerIdShown === 'hidden' ? t('phone.callerId.hidden') : t(`phone.callerId.kind.${entry.callerIdShown}`),
              })}
            </>
          )}
        </span>
        {callBack !== '' && (
          <button
            type="button"
            className="phone-button phone-button--small"
            aria-label={t('phone.history.callBack', { party: primary })}
            onClick={() => phone.dial(callBack)}
          >
            {t('phone.dialer.call')}
          </button>
        )}
      </li>
    );
  },
  (before, after) =>
    before.currentYear === after.currentYear && before.timeZone === after.timeZone && sameHistoryEntry(before.entry, after.entry),
);

/** Calls made and received, newest first, kept by main across restarts; missed calls stand out. */
export function CallHistory() {
  const t = useTranslation();
  const history = useAppStore((store) => store.state?.history ?? NO_HISTORY);
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'Europe/Stockholm');
  const currentYear = useAppStore((store) => calendarYear(store.state?.now ?? 0, store.state?.timeZone ?? 'Europe/Stockholm'));
  const headingId = useId();
  const missed = history.filter((entry) => entry.outcome === 'missed').length;

  return (
    <section className="phone-history" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('phone.history.heading')}
        {missed > 0 && <span className="phone-badge">{t('phone.history.missedCount', { count: missed })}</span>}
      </h3>
      {history.length === 0 ? (
        <p className="phone-hint">{t('phone.history.empty')}</p>
      ) : (
        <ol className="phone-history__list" aria-labelledby={headingId} data-testid="call-history">
          {history.slice(0, SHOWN).map((entry) => (
            <HistoryRow key={entry.id} entry={entry} currentYear={currentYear} timeZone={timeZone} />
          ))}
        </ol>
      )}
    </section>
  );
}
