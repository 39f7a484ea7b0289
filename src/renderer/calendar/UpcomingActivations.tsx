import { useState } from 'react';
import { useErrorText } from '../shared/errorText';
import type { UpcomingActivation } from '../../core/calendar/view';
import type { MessageKey } from '../../core/i18n/messages';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { useServiceNow } from '../shared/useServiceNow';
import { calendarRequest } from './calendarRequest';
import { formatRange } from './calendarText';

const NO_ROWS: UpcomingActivation[] = [];

const STATE_TEXT: Partial<Record<UpcomingActivation['state'], MessageKey>> = {
  active: 'calendar.upcoming.state.active',
  outranked: 'calendar.upcoming.state.outranked',
  skipped: 'calendar.upcoming.state.skipped',
  overridden: 'calendar.upcoming.state.overridden',
};

function UpcomingRow({ row, onError }: { row: UpcomingActivation; onError(message: string | null): void }) {
  const t = useTranslation();
  const errorText = useErrorText();
  const language = useLanguage();
  const now = useServiceNow();
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  const profileName = useAppStore((store) => store.state?.profiles.find((profile) => profile.id === row.profileId)?.name);
  const range = formatRange(row.start, row.end, now, language, timeZone, t);
  const meeting = (
    <small className="calendar-upcoming__meeting">
      {row.title.trim() === '' ? t('calendar.upcoming.untitled') : t('calendar.upcoming.meeting', { title: row.title })}
    </small>
  );

  if (row.state === 'unknown-profile') {
    return (
      <li className="calendar-upcoming__row calendar-upcoming__row--warning" data-state={row.state}>
        <span className="calendar-upcoming__icon" aria-hidden="true">
          ⚠
        </span>
        <span className="calendar-upcoming__text">
          <span className="calendar-upcoming__line">{t('calendar.upcoming.unknown', { range, number: row.profileNumber })}</span>
          {meeting}
          <small>{t('calendar.upcoming.unknownHint')}</small>
        </span>
      </li>
    );
  }

  const line = t('calendar.upcoming.line', { range, profile: profileName ?? '', number: row.profileNumber });
  const stateText = STATE_TEXT[row.state];
  const skipped = row.state === 'skipped';
  const toggleSkip = async () => {
    const refused = await calendarRequest('calendar:skip', { key: row.key, skipped: !skipped });
    onError(refused ? t('calendar.error.generic', { message: errorText(refused) }) : null);
  };

  return (
    <li className="calendar-upcoming__row" data-state={row.state}>
      <span className="calendar-upcoming__text">
        <span className="calendar-upcoming__line">{line}</span>
        {meeting}
        {stateText && <small className={`calendar-state calendar-state--${row.state}`}>{t(stateText)}</small>}
      </span>
      {row.state !== 'overridden' && (
        <button
          type="button"
          className="calendar-button calendar-button--quiet"
          aria-label={t(skipped ? 'calendar.upcoming.unskipLabel' : 'calendar.upcoming.skipLabel', { line })}
          onClick={() => void toggleSkip()}
        >
          {t(skipped ? 'calendar.upcoming.unskip' : 'calendar.upcoming.skip')}
        </button>
      )}
    </li>
  );
}

/** "14:00–15:00 → Möte (#3)" for each switch to come, with "Hoppa över". */
export function UpcomingActivations() {
  const t = useTranslation();
  const rows = useAppStore((store) => store.state?.calendar.upcoming ?? NO_ROWS);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="calendar-panel" aria-labelledby="calendar-upcoming-heading">
      <h3 id="calendar-upcoming-heading">{t('calendar.upcoming.heading')}</h3>
      <p className="calendar-muted">{t('calendar.upcoming.onlyYou')}</p>
      {rows.length === 0 ? (
        <p className="calendar-muted">{t('calendar.upcoming.empty')}</p>
      ) : (
        <ul className="calendar-upcoming" aria-label={t('calendar.upcoming.heading')}>
          {rows.map((row) => (
            <UpcomingRow key={row.key} row={row} onError={setError} />
          ))}
        </ul>
      )}
      {error && (
        <p className="calendar-field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
