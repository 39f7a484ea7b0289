import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Longer than the shell's sign-off grace (3 s), so a shell that signs off in time is never killed. */
const GROUP_EXIT_TIMEOUT_MS = 10_000;

export interface ShellProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Sends `signal` to the shell's processes and resolves when the shell has exited. */
  signal(signal: NodeJS.Signals): Promise<void>;
}

export interface ShellOptions {
  /** A provisioning file (`--provision`), applied before the shell serves the page. */
  provisionFile?: string;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'profiltelefon-e2e-'));
}

/** Starts `npm run web`'s program (without the build, which the test command ran once) on a free port. */
export function startShell(dataDir: string, options: ShellOptions = {}): Promise<ShellProcess> {
  const args = ['tsx', 'electron/web/cli.ts', '--port', '0', '--data-dir', dataDir];
  if (options.provisionFile !== undefined) args.push('--provision', options.provisionFile);
  // Its own process group: npx, sh, tsx and node are four processes, and a signal to npx alone
  // would leave the shell running.
  const child: ChildProcess = spawn('npx', args, {
    env: { ...process.env, TZ: 'Europe/Stockholm' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stopGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group has already gone
    }
  };
  const groupAlive = () => {
    if (child.pid === undefined) return false;
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // npx exits at once on a signal, while the shell itself signs off first: the shell is gone (its
  // port closed, its data directory unlocked) only when the whole group is.
  const groupGone = async () => {
    const deadline = Date.now() + GROUP_EXIT_TIMEOUT_MS;
    while (groupAlive()) {
      if (Date.now() > deadline) {
        stopGroup('SIGKILL');
        throw new Error(`the browser shell's processes were still running ${GROUP_EXIT_TIMEOUT_MS} ms after the signal`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const onExit = () => stopGroup('SIGTERM');
  process.once('exit', onExit);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        resolve({
          url: match[1],
          dataDir,
          signal: (signal) => {
            stopGroup(signal);
            return groupGone();
          },
          stop: () => {
            process.off('exit', onExit);
            stopGroup('SIGTERM');
            return groupGone();
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the browser shell exited (${code}) before it was ready:\n${output}`)));
  });
}
