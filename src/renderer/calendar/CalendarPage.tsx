import { useTranslation } from '../shared/useTranslation';
import { CalendarNow } from './CalendarNow';
import { CalendarSources } from './CalendarSources';
import { MarkerRules } from './MarkerRules';
import { UnmarkedBusyRule } from './UnmarkedBusyRule';
import { UpcomingActivations } from './UpcomingActivations';

/** "Kalender": the calendars to follow, what they will switch, and the rule for unmarked meetings. */
export function CalendarPage() {
  const t = useTranslation();
  return (
    <section className="calendar-view" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('calendar.heading')}</h2>
      <p className="calendar-view__intro">{t('calendar.intro')}</p>
      <CalendarNow />
      <CalendarSources />
      <UpcomingActivations />
      <UnmarkedBusyRule />
      <MarkerRules />
    </section>
  );
}
