import { useId, useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { useTranslation } from '../../useTranslation';
import { calendarRequest } from './calendarRequest';

type Rule = 'shortFormMarkers' | 'ignorePrivateEvents';

/** The optional marker grammar and the private-event rule, both off by default. */
export function MarkerRules() {
  const t = useTranslation();
  const shortForms = useAppStore((store) => store.state?.calendar.shortFormMarkers ?? false);
  const ignorePrivate = useAppStore((store) => store.state?.calendar.ignorePrivateEvents ?? false);
  const [error, setError] = useState<string | null>(null);
  const shortHintId = useId();
  const privateHintId = useId();

  const set = async (rule: Rule, on: boolean) => {
    const refused = await calendarRequest('calendar:set-marker-rules', { [rule]: on });
    setError(refused ? t('calendar.error.generic', { message: refused.message }) : null);
  };

  return (
    <section className="calendar-panel" aria-labelledby="calendar-markers-heading">
      <h3 id="calendar-markers-heading">{t('calendar.markers.heading')}</h3>
      <label className="calendar-rule__toggle">
        <input type="checkbox" checked={shortForms} aria-describedby={shortHintId} onChange={(event) => void set('shortFormMarkers', event.target.checked)} />
        {t('calendar.markers.shortForms')}
      </label>
      <small id={shortHintId} className="calendar-muted">
        {t('calendar.markers.shortFormsHint')}
      </small>
      <label className="calendar-rule__toggle">
        <input type="checkbox" checked={ignorePrivate} aria-describedby={privateHintId} onChange={(event) => void set('ignorePrivateEvents', event.target.checked)} />
        {t('calendar.markers.ignorePrivate')}
      </label>
      <small id={privateHintId} className="calendar-muted">
        {t('calendar.markers.ignorePrivateHint')}
      </small>
      {error && (
        <p className="calendar-field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
