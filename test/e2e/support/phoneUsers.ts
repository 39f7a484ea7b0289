import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { join } from 'node:path';
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
  directory?: { name: string; uri: string }[];
  addOns?: { recording?: boolean; listenIn?: boolean };
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

/** A provisioned shell for this user, and a page of its own opened on it. */
export async function openPhonePage(browser: Browser, pbx: RunningPbx, user: PhoneUser, overrides: ProvisionOverrides = {}): Promise<OpenPhone> {
  const shell = await startPhoneShell(pbx, user, overrides);
  const page = await (await browser.newContext()).newPage();
  await page.goto(shell.url);
  return { shell, page };
}

export function showView(page: Page, name: string): Promise<void> {
  return page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name, exact: true }).click();
}

/** The phones a spec opens, each on the Telefon view, all closed together when the spec ends. */
export class PhoneSet {
  readonly #opened: OpenPhone[] = [];

  async open(browser: Browser, pbx: RunningPbx, user: PhoneUser, overrides: ProvisionOverrides = {}): Promise<OpenPhone> {
    const phone = await openPhonePage(browser, pbx, user, overrides);
    this.#opened.push(phone);
    await showView(phone.page, 'Telefon');
    return phone;
  }

  async closeAll(): Promise<void> {
    for (const { shell, page } of this.#opened.splice(0)) {
      await page.context().close();
      await shell.stop();
    }
  }
}
