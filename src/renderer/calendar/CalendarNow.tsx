import { BASE_PROFILE_ID } from '../../core/profiles/defaults';
import { formatEndTime } from '../../core/time/format';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { useServiceNow } from '../shared/useServiceNow';

/** Says so when the active profile came from the calendar, and what returns after it. */
export function CalendarNow() {
  const t = useTranslation();
  const language = useLanguage();
  const now = useServiceNow();
  const state = useAppStore((store) => store.state);
  if (!state || state.active.source?.kind !== 'calendar' || state.active.until === null) return null;
  const { active, profiles, timeZone } = state;
  const { returnTo } = state.active.source;
  const nameOf = (profileId: string) => profiles.find((profile) => profile.id === profileId)?.name;
  const returnsItself = returnTo.until === null || returnTo.until > (active.until ?? 0);
  const next = (returnsItself ? nameOf(returnTo.profileId) : undefined) ?? nameOf(BASE_PROFILE_ID) ?? '';
  return (
    <p className="calendar-now" role="status">
      {t('calendar.now', {
        profile: nameOf(active.profileId) ?? '',
        time: formatEndTime(active.until ?? now, now, language, timeZone),
        next,
      })}
    </p>
  );
}
