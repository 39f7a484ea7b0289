import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ShellProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
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
  const child: ChildProcess = spawn('npx', args, {
    env: { ...process.env, TZ: 'Europe/Stockholm' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        resolve({
          url: match[1],
          dataDir,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the browser shell exited (${code}) before it was ready:\n${output}`)));
  });
}
