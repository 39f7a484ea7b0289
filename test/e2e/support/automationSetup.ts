import { expect, type Page } from '@playwright/test';
import { CalendarDateTime, fromAbsolute, toZoned } from '@internationalized/date';
import { SHELL_TIME_ZONE } from './endTime';

/** A wall-clock moment in the shells' time zone. */
export function stockholm(year: number, month: number, day: number, hour: number, minute = 0): number {
  return toZoned(new CalendarDateTime(year, month, day, hour, minute), SHELL_TIME_ZONE)
    .toDate()
    .getTime();
}

/** The shell's clock now (it moves only forward, with the real clock underneath). */
export async function shellNow(page: Page): Promise<number> {
  const state = await page.evaluate(() => window.softphone.invoke('state:get', null));
  if (!state.ok) throw new Error(state.error.message);
  return state.value.now;
}

/** Moves the shell's clock forward to `moment` (give or take the real seconds the test takes); returns its time afterwards. */
export async function advanceTo(page: Page, moment: number): Promise<number> {
  const ms = moment - (await shellNow(page));
  if (ms < 1) throw new Error(`the moment ${new Date(moment).toISOString()} has passed`);
  const result = await page.evaluate((step) => window.softphoneDebug!.invoke('debug:clock-advance', { ms: step }), ms);
  if (!result.ok) throw new Error(`the clock did not move: ${result.error.message}`);
  return result.value.now;
}

/** The calendar day in the shells' time zone. */
export function dayOf(moment: number): { year: number; month: number; day: number } {
  const date = fromAbsolute(moment, SHELL_TIME_ZONE);
  return { year: date.year, month: date.month, day: date.day };
}

/** Opens Automatik, lets `change` set the fields as a user would, saves, and waits for the confirmation. */
export async function saveAutomation(page: Page, change: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Automatik', exact: true }).click();
  await change(page);
  await page.getByRole('button', { name: 'Spara automatik' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Automatiken är sparad.' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Profiler', exact: true }).click();
}

export function profileButton(page: Page, name: string) {
  return page.getByRole('button', { name: `Aktivera ${name}` });
}

export function trayTooltip(page: Page) {
  return page.getByTestId('tray-tooltip');
}
