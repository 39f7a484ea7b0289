import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { failDisk, mountProblem, mountSmallDisk, type SmallDisk } from '../helpers/smallDisk';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';
import { answeredCall } from '../helpers/historyEntry';

const shells: ShellProcess[] = [];
let disk: SmallDisk | null = null;
test.afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.stop();
  disk?.unmount();
  disk = null;
});

async function open(page: Page, dataDir: string): Promise<ShellProcess> {
  const shell = await startShell(dataDir);
  shells.push(shell);
  await page.goto(shell.url);
  await expect(page.getByRole('list', { name: 'Profiler' }).getByRole('listitem')).toHaveCount(10);
  return shell;
}

/** The page's own bridge to the shell, as the renderer uses it. */
function invoke(page: Page, channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return page.evaluate(
    ([name, body]) =>
      (window as unknown as { softphone: { invoke(c: string, p: unknown): Promise<never> } }).softphone.invoke(name as string, body),
    [channel, payload] as const,
  );
}

const PROBLEM = { full: 'disken är full', 'read-only': 'disken är skrivskyddad' } as const;

for (const failure of ['full', 'read-only'] as const) {
  test(`on a ${failure} data directory a profile, the password and a call each show a Swedish error, the shell stays up, and nothing is lost`, async ({
    page,
  }) => {
    test.skip(mountProblem !== null, mountProblem ?? '');
    // Two shell starts and a dozen steps through the page.
    test.setTimeout(120_000);
    disk = mountSmallDisk(2048);
    const shell = await open(page, disk.dir);
    expect((await invoke(page, 'account:set-password', { password: 'gammalt-lösen' })).ok).toBe(true);
    const start = Date.now() - 3_600_000;
    expect((await invoke(page, 'history:record', answeredCall('call-1', start))).ok).toBe(true);
    const settingsBefore = readFileSync(join(disk.dir, 'settings.json'), 'utf8');
    failDisk(disk, failure);

    await page.getByRole('button', { name: 'Aktivera Lunch' }).click();
    await expect(page.locator('[data-error-code="settings-write-failed"]')).toContainText(
      `Inställningarna kunde inte sparas: ${PROBLEM[failure]}. Inget har ändrats`,
    );
    await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'false');

    await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Konto' }).click();
    await page.getByLabel('Lösenord').fill('nytt-lösen');
    await page.getByRole('button', { name: 'Spara konto' }).click();
    await expect(page.locator('[data-error-code="password-write-failed"]')).toHaveText(
      `Lösenordet kunde inte sparas: ${PROBLEM[failure]}. Det tidigare lösenordet finns kvar.`,
    );
    await expect(page.getByLabel('Lösenord')).toHaveValue('nytt-lösen');

    expect(await invoke(page, 'history:record', answeredCall('call-2', start + 600_000))).toMatchObject({
      ok: false,
      error: { code: 'history-write-failed' },
    });
    await expect(page.locator('[data-notice="failure"]')).toContainText(
      `Samtalet kunde inte sparas i samtalshistoriken: ${PROBLEM[failure]}. Den tidigare historiken finns kvar.`,
    );

    expect((await invoke(page, 'state:get', null)).ok).toBe(true);
    expect(readFileSync(join(disk.dir, 'sip-password.bin'), 'utf8')).toBe('gammalt-lösen');
    expect(readFileSync(join(disk.dir, 'settings.json'), 'utf8')).toBe(settingsBefore);

    disk.makeWritable();
    await page.getByRole('button', { name: 'Spara konto' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kontot är sparat.' })).toBeVisible();
    expect((await invoke(page, 'history:record', answeredCall('call-3', start + 1_200_000))).ok).toBe(true);
    await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Profiler', exact: true }).click();
    await page.getByRole('button', { name: 'Aktivera Lunch' }).click();
    await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');

    await shell.stop();
    shells.splice(0);
    await open(page, disk.dir);
    await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');
    const state = (await invoke(page, 'state:get', null)).value as { history: { id: string }[] };
    expect(state.history.map((entry) => entry.id)).toEqual(['call-3', 'call-1']);
    expect(await invoke(page, 'account:sip-credentials', null)).toEqual({ ok: true, value: { password: 'nytt-lösen' } });
  });
}

test('a WebSocket frame whose channel is not a string gets an error, and the shell stays up', async () => {
  const shell = await startShell(newDataDir());
  shells.push(shell);
  const url = new URL(shell.url);
  const socket = new WebSocket(`ws://${url.host}/__shell/ipc?token=${url.searchParams.get('token')}`, { origin: url.origin });
  const replies: { type: string; id?: number; result?: { ok: boolean; error?: { code: string } } }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as (typeof replies)[number];
    if (message.type !== 'event') replies.push(message);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

  socket.send(JSON.stringify({ id: 1, channel: 42, payload: null }));
  socket.send(JSON.stringify({ id: 2, channel: { startsWith: 'debug:' }, payload: null }));
  socket.send('not json at all');
  socket.send(JSON.stringify({ id: 3, channel: 'state:get', payload: null }));
  await expect.poll(() => replies.length).toBe(4);
  expect(replies).toEqual([
    { type: 'result', id: 1, result: { ok: false, error: expect.objectContaining({ code: 'shell-frame-invalid', field: 'channel' }) } },
    { type: 'result', id: 2, result: { ok: false, error: expect.objectContaining({ code: 'shell-frame-invalid', field: 'channel' }) } },
    { type: 'refused', error: expect.objectContaining({ code: 'shell-frame-not-json' }) },
    { type: 'result', id: 3, result: expect.objectContaining({ ok: true }) },
  ]);
  socket.close();
});

/** A second shell on the same directory, run to its end: its exit code and what it said. */
function runSecondShell(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('npx', ['tsx', 'electron/web/cli.ts', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

test('a second shell on the same data directory is refused; after kill -9 of the first a new one starts', async ({ page }) => {
  // Three shell starts.
  test.setTimeout(150_000);
  const dataDir = newDataDir();
  await open(page, dataDir);
  const second = await runSecondShell(dataDir);
  expect(second.code).toBe(3);
  expect(second.output).toContain(`Profiltelefon körs redan med datakatalogen ${dataDir}`);

  const { pid } = JSON.parse(readFileSync(join(dataDir, 'profiltelefon.lock'), 'utf8')) as { pid: number };
  process.kill(pid, 'SIGKILL');
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await expect.poll(alive).toBe(false);
  await open(page, dataDir);
  expect((await invoke(page, 'state:get', null)).ok).toBe(true);
});
