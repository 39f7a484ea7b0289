import { useId, useState } from 'react';
import { useErrorText } from '../shared/errorText';
import type { Profile } from '../../core/profiles/model';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { calendarRequest } from './calendarRequest';

const NO_PROFILES: Profile[] = [];
/** Möte: what an unmarked meeting most likely means. */
const SUGGESTED_NUMBER = 3;

/** The optional rule, off by default: every busy meeting without a marker activates one chosen profile. */
export function UnmarkedBusyRule() {
  const t = useTranslation();
  const errorText = useErrorText();
  const rule = useAppStore((store) => store.state?.calendar.unmarkedBusyProfileNumber ?? null);
  const profiles = useAppStore((store) => store.state?.profiles ?? NO_PROFILES);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const hintId = useId();

  const choose = async (profileNumber: number | null) => {
    const refused = await calendarRequest('calendar:set-unmarked-rule', { profileNumber });
    setError(refused ? t('calendar.error.generic', { message: errorText(refused) }) : null);
  };
  const suggested = profiles.some((profile) => profile.number === SUGGESTED_NUMBER) ? SUGGESTED_NUMBER : (profiles[0]?.number ?? 1);

  return (
    <section className="calendar-panel" aria-labelledby="calendar-rule-heading">
      <h3 id="calendar-rule-heading">{t('calendar.rule.heading')}</h3>
      <label className="calendar-rule__toggle">
        <input
          type="checkbox"
          checked={rule !== null}
          aria-describedby={hintId}
          onChange={(event) => void choose(event.target.checked ? suggested : null)}
        />
        {t('calendar.rule.enable')}
      </label>
      <div className="calendar-rule__profile">
        <label htmlFor={selectId}>{t('calendar.rule.profile')}</label>
        <select
          id={selectId}
          value={rule ?? suggested}
          disabled={rule === null}
          onChange={(event) => void choose(Number(event.target.value))}
        >
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.number}>
              {profile.name} (#{profile.number})
            </option>
          ))}
        </select>
      </div>
      <small id={hintId} className="calendar-muted">
        {t('calendar.rule.hint')}
      </small>
      {error && (
        <p className="calendar-field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
