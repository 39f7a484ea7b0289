import { AppServices } from '../../electron/services/appServices';
import type { CalendarServiceOptions } from '../../electron/services/calendarService';
import { createConfBackend } from '../../electron/services/confBackend';
import { developmentOnlyPlainCipher } from '../../electron/services/secretStore';
import type { NotificationRecord } from '../../src/core/state/appState';
import { ManualClock } from './manualClock';

export const STOCKHOLM = 'Europe/Stockholm';

export interface TestApp {
  services: AppServices;
  clock: ManualClock;
  shown: NotificationRecord[];
}

/**
 * The real services on real files in `dataDir`, with a manual clock; `calendar` sets the feed
 * timeout, size limit and refresh interval where a test needs them.
 */
export function openTestApp(
  dataDir: string,
  clock = new ManualClock('2026-11-23T09:00:00+01:00'),
  calendar: Partial<CalendarServiceOptions> = {},
): TestApp {
  const shown: NotificationRecord[] = [];
  let ids = 0;
  const services = new AppServices({
    dataDir,
    openBackend: createConfBackend,
    secretCipher: developmentOnlyPlainCipher,
    clock,
    scheduler: clock,
    systemTimeZone: STOCKHOLM,
    notificationSink: (record) => shown.push(record),
    newId: () => `custom-${++ids}`,
    calendar,
  });
  services.start();
  return { services, clock, shown };
}
