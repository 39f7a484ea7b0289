import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
          signal: (signal) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              stopGroup(signal);
            }),
          stop: () =>
            new Promise<void>((done) => {
              process.off('exit', onExit);
              // A process ended by a signal has a signalCode and no exitCode.
              if (child.exitCode !== null || child.signalCode !== null) {
                stopGroup('SIGTERM');
                return done();
              }
              child.once('exit', () => done());
              stopGroup('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the browser shell exited (${code}) before it was ready:\n${output}`)));
  });
}
