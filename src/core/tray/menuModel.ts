import { translate } from '../i18n/messages';
import type { ProfileStatus } from '../profiles/model';
import type { Settings } from '../settings/schema';
import { activeProfile } from '../profiles/activation';
import { formatEndTime } from '../time/format';
import { QUICK_LENGTH_IDS, type QuickLengthId } from '../time/quickLengths';

export type TrayMenuItem =
  | { kind: 'profile'; id: string; profileId: string; label: string; checked: boolean }
  | { kind: 'activate-for'; id: string; profileId: string; quick: QuickLengthId; label: string }
  | { kind: 'submenu'; id: string; label: string; items: TrayMenuItem[] }
  | { kind: 'separator'; id: string }
  | { kind: 'action'; id: 'open' | 'quit'; label: string };

export interface TrayModel {
  status: ProfileStatus;
  tooltip: string;
  items: TrayMenuItem[];
}

export const trayProfileItemId = (profileId: string) => `profile:${profileId}`;

/** Finds an item anywhere in the menu, submenus included. */
export function findTrayItem(items: readonly TrayMenuItem[], itemId: string): TrayMenuItem | undefined {
  for (const item of items) {
    if (item.id === itemId) return item;
    if (item.kind === 'submenu') {
      const inner = findTrayItem(item.items, itemId);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** How the phone stands with the PBX, as the renderer reports it; the tray shows it beside the profile. */
export const PHONE_STATUSES = ['not-configured', 'connecting', 'registered', 'failed'] as const;
export type PhoneStatus = (typeof PHONE_STATUSES)[number];

export function buildTrayModel(settings: Settings, now: number, timeZone: string, phoneStatus: PhoneStatus = 'not-configured'): TrayModel {
  const language = settings.ui.language;
  const profile = activeProfile(settings);
  const { until } = settings.active;
  const profileText =
    until === null
      ? translate(language, 'tray.tooltip', { profile: profile.name })
      : translate(language, 'tray.tooltipUntil', { profile: profile.name, time: formatEndTime(until, now, language, timeZone) });
  // An app without a SIP account is a profile switcher; only a set-up phone has a state worth showing.
  const tooltip = phoneStatus === 'not-configured' ? profileText : `${profileText} · ${translate(language, `tray.phone.${phoneStatus}`)}`;
  const labelOf = (candidate: { name: string; number: number }) =>
    settings.ui.showProfileNumbers ? `${candidate.name} (${candidate.number})` : candidate.name;
  const profileItems: TrayMenuItem[] = settings.profiles.map((candidate) => ({
    kind: 'profile',
    id: trayProfileItemId(candidate.id),
    profileId: candidate.id,
    label: labelOf(candidate),
    checked: candidate.id === profile.id,
  }));
  const forItems: TrayMenuItem = {
    kind: 'submenu',
    id: 'for',
    label: translate(language, 'tray.for'),
    items: settings.profiles.map((candidate) => ({
      kind: 'submenu',
      id: `for:${candidate.id}`,
      label: labelOf(candidate),
      items: QUICK_LENGTH_IDS.map((quick) => ({
        kind: 'activate-for',
        id: `for:${candidate.id}:${quick}`,
        profileId: candidate.id,
        quick,
        label: translate(language, `quick.${quick}`),
      })),
    })),
  };
  return {
    status: profile.status,
    tooltip,
    items: [
      ...profileItems,
      forItems,
      { kind: 'separator', id: 'separator:actions' },
      { kind: 'action', id: 'open', label: translate(language, 'tray.open') },
      { kind: 'action', id: 'quit', label: translate(language, 'tray.quit') },
    ],
  };
}
