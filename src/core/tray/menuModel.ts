import { translate } from '../i18n/messages';
import type { ProfileStatus } from '../profiles/model';
import type { Settings } from '../settings/schema';
import { activeProfile } from '../profiles/activation';
import { formatEndTime } from '../time/format';

export type TrayMenuItem =
  | { kind: 'profile'; id: string; profileId: string; label: string; checked: boolean }
  | { kind: 'separator'; id: string }
  | { kind: 'action'; id: 'open' | 'quit'; label: string };

export interface TrayModel {
  status: ProfileStatus;
  tooltip: string;
  items: TrayMenuItem[];
}

export const trayProfileItemId = (profileId: string) => `profile:${profileId}`;

export function buildTrayModel(settings: Settings, now: number, timeZone: string): TrayModel {
  const language = settings.ui.language;
  const profile = activeProfile(settings);
  const { until } = settings.active;
  const tooltip =
    until === null
      ? translate(language, 'tray.tooltip', { profile: profile.name })
      : translate(language, 'tray.tooltipUntil', { profile: profile.name, time: formatEndTime(until, now, language, timeZone) });
  const profileItems: TrayMenuItem[] = settings.profiles.map((candidate) => ({
    kind: 'profile',
    id: trayProfileItemId(candidate.id),
    profileId: candidate.id,
    label: settings.ui.showProfileNumbers ? `${candidate.name} (${candidate.number})` : candidate.name,
    checked: candidate.id === profile.id,
  }));
  return {
    status: profile.status,
    tooltip,
    items: [
      ...profileItems,
      { kind: 'separator', id: 'separator:actions' },
      { kind: 'action', id: 'open', label: translate(language, 'tray.open') },
      { kind: 'action', id: 'quit', label: translate(language, 'tray.quit') },
    ],
  };
}
