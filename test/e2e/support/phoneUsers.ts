import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import type { Profile } from '../../../src/core/profiles/model';
import type { PbxUser, RunningPbx } from '../../pbx/pbx';
import { newDataDir, startShell, type ShellProcess } from './shellProcess';

/** A test user: his PBX account and the numbers his softphone account owns (typed as a user would). */
export interface PhoneUser {
  user: string;
  password: string;
  displayName: string;
  landline: string;
  mobile: string;
  /** E.164 forms of the same numbers, for the PBX. */
  e164: { landline: string; mobile: string };
}

export const ALICE: PhoneUser = {
  user: 'alice',
  password: 'alice-pass',
  displayName: 'Alice Andersson',
  landline: '08-123 456 01',
  mobile: '070-111 00 01',
  e164: { landline: '+46812345601', mobile: '+46701110001' },
};

export const BOB: PhoneUser = {
  user: 'bob',
  password: 'bob-pass',
  displayName: 'Bob Berg',
  landline: '08-123 456 02',
  mobile: '070-111 00 02',
  e164: { landline: '+46812345602', mobile: '+46701110002' },
};

export const CAROL: PhoneUser = {
  user: 'carol',
  password: 'carol-pass',
  displayName: 'Carol Carlsson',
  landline: '08-123 456 03',
  mobile: '070-111 00 03',
  e164: { landline: '+46812345603', mobile: '+46701110003' },
};

export function pbxUser(user: PhoneUser): PbxUser {
  return { user: user.user, password: user.password, numbers: [user.e164.landline, user.e164.mobile] };
}

export interface ProvisionOverrides {
  password?: string;
  voicemail?: string | null;
  directory?: { name: string; uri: string; supervisor?: boolean }[];
  addOns?: { recording?: boolean; listenIn?: boolean };
  /** The user's own supervisor role (listen-in). */
  supervisor?: boolean;
  announcementLanguage?: 'sv' | 'en';
  presenceLifetimeSeconds?: number;
}

/** Writes the provisioning file a company would roll out for this user, pointing at `pbx`. */
export function writeProvisioning(dataDir: string, pbx: RunningPbx, user: PhoneUser, overrides: ProvisionOverrides = {}): string {
  const file = join(dataDir, 'provisioning.json');
  const document = {
    account: {
      sip: { serverUrl: pbx.wsUrl, uri: `sip:${user.user}@${pbx.domain}`, authUser: '', displayName: user.displayName },
      password: overrides.password ?? user.password,
      numbers: { landline: user.landline, mobile: user.mobile, switchboard: null },
      voicemail: overrides.voicemail ?? null,
      directory: overrides.directory ?? [],
      ...(overrides.addOns ? { addOns: overrides.addOns } : {}),
      ...(overrides.supervisor === undefined ? {} : { supervisor: overrides.supervisor }),
      ...(overrides.announcementLanguage ? { announcementLanguage: overrides.announcementLanguage } : {}),
      ...(overrides.presenceLifetimeSeconds ? { presenceLifetimeSeconds: overrides.presenceLifetimeSeconds } : {}),
    },
  };
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

/** A browser shell started with this user's account already provisioned. */
export function startPhoneShell(pbx: RunningPbx, user: PhoneUser, overrides: ProvisionOverrides = {}): Promise<ShellProcess> {
  const dataDir = newDataDir();
  return startShell(dataDir, { provisionFile: writeProvisioning(dataDir, pbx, user, overrides) });
}

export interface OpenPhone {
  shell: ShellProcess;
  page: Page;
}

/** Runs in the page before the app's own scripts, on every load. */
export type InitScript = () => void;

/** A provisioned shell for this user, and a page of its own opened on it. */
export async function openPhonePage(
  browser: Browser,
  pbx: RunningPbx,
  user: PhoneUser,
  overrides: ProvisionOverrides = {},
  initScript?: InitScript,
): Promise<OpenPhone> {
  const shell = await startPhoneShell(pbx, user, overrides);
  const page = await (await browser.newContext()).newPage();
  if (initScript) await page.addInitScript(initScript);
  await page.goto(shell.url);
  return { shell, page };
}

/** The banner of a call that rings, with Svara and Avvisa. */
export const incomingCall = (page: Page) => page.getByTestId('incoming-call');
/** A call in progress, with its status in data-status. */
export const activeCall = (page: Page) => page.getByTestId('active-call');

export function showView(page: Page, name: string): Promise<void> {
  return page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name, exact: true }).click();
}

/** Types a number or address into the dialer and calls it, as a user would. */
export async function dial(page: Page, text: string): Promise<void> {
  await page.getByLabel('Namn, nummer eller SIP-adress').fill(text);
  await page.getByRole('button', { name: 'Ring', exact: true }).click();
}

/** Activates a profile in the Profiler view and returns to the Telefon view. */
export async function activateProfile(page: Page, name: string): Promise<void> {
  await showView(page, 'Profiler');
  const button = page.getByRole('button', { name: `Aktivera ${name}` });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await showView(page, 'Telefon');
}

/** Activates a profile until `until`, with callers hearing announcements in `language`, through the app's own requests. */
export async function activateUntil(page: Page, profileId: string, until: number, language: 'sv' | 'en'): Promise<void> {
  const changed = await page.evaluate(
    async ({ profileId, until, language }) => {
      const account = await window.softphone.invoke('account:update', { announcementLanguage: language });
      if (!account.ok) return account;
      return window.softphone.invoke('profile:activate', { profileId, length: { kind: 'until', until }, temporaryMessage: null });
    },
    { profileId, until, language },
  );
  expect(changed).toMatchObject({ ok: true });
}

/** Changes a profile through the same IPC request the profile editor sends. */
export async function editProfile(page: Page, profileId: string, change: (profile: Profile) => Profile): Promise<void> {
  const profile = await page.evaluate(async (id) => {
    const state = await window.softphone.invoke('state:get', null);
    if (!state.ok) throw new Error(state.error.message);
    return state.value.profiles.find((candidate) => candidate.id === id) ?? null;
  }, profileId);
  if (!profile) throw new Error(`no profile ${profileId}`);
  const updated = await page.evaluate((next) => window.softphone.invoke('profile:update', next), change(profile));
  expect(updated).toMatchObject({ ok: true });
}

/** The phones a spec opens, each on the Telefon view, all closed together when the spec ends. */
export class PhoneSet {
  readonly #opened: OpenPhone[] = [];

  async open(
    browser: Browser,
    pbx: RunningPbx,
    user: PhoneUser,
    overrides: ProvisionOverrides = {},
    initScript?: InitScript,
  ): Promise<OpenPhone> {
    const phone = await openPhonePage(browser, pbx, user, overrides, initScript);
    this.#opened.push(phone);
    await showView(phone.page, 'Telefon');
    return phone;
  }

  /** Opens a phone for each user and waits until every one is registered. */
  async openRegistered(browser: Browser, pbx: RunningPbx, users: readonly PhoneUser[]): Promise<Page[]> {
    const pages: Page[] = [];
    for (const user of users) pages.push((await this.open(browser, pbx, user)).page);
    for (const page of pages) await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
    return pages;
  }

  async closeAll(): Promise<void> {
    for (const { shell, page } of this.#opened.splice(0)) {
      await page.context().close();
      await shell.stop();
    }
  }
}
