import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLock, LOCK_FILE_NAME, lockRefusalText, type LockOutcome } from '../../../electron/services/dataDirLock';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const held: DataDirLock[] = [];
afterEach(() => held.splice(0).forEach((lock) => lock.release()));

function keep(outcome: LockOutcome): LockOutcome {
  if (outcome.kind === 'acquired') held.push(outcome.lock);
  return outcome;
}

/** Another process that takes the lock, and answers its pid once it holds it. */
function otherOwner(dataDir: string): Promise<{ pid: number; kill9(): Promise<void> }> {
  // node itself, not npx, so that its exit is the lock holder's death.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/holdDataDirLock.ts', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /locked (\d+)/.exec(output);
      if (!match) return;
      const pid = Number(match[1]);
      resolve({
        pid,
        kill9: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            process.kill(pid, 'SIGKILL');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}): ${output}`)));
  });
}

describe('one owner per data directory', () => {
  it('a second start on the same directory is refused, with the owner named', async () => {
    const dir = newDir();
    expect(keep(await DataDirLock.acquire(dir)).kind).toBe('acquired');
    const second = keep(await DataDirLock.acquire(dir));
    expect(second).toEqual({ kind: 'held', owner: { pid: process.pid, socket: expect.any(String) }, handedOver: false });
    if (second.kind !== 'held') throw new Error('unreachable');
    expect(lockRefusalText('sv', dir, second)).toBe(
      `Profiltelefon körs redan med datakatalogen ${dir} (process ${process.pid}). Avsluta den först, eller starta med en annan datakatalog.`,
    );
  });

  it("the second start's arguments reach the owner", async () => {
    const dir = newDir();
    const received: string[][] = [];
    keep(await DataDirLock.acquire(dir, { onArguments: (argv) => received.push(argv) }));
    const second = await DataDirLock.acquire(dir, { handOver: ['profiltelefon', 'tel:+46701234567'] });
    expect(second).toMatchObject({ kind: 'held', handedOver: true });
    expect(received).toEqual([['profiltelefon', 'tel:+46701234567']]);
  });

  it('the lock file is owner-only, is removed on release, and the directory can be taken again', async () => {
    const dir = newDir();
    const first = await DataDirLock.acquire(dir);
    if (first.kind !== 'acquired') throw new Error(first.kind);
    expect(statSync(join(dir, LOCK_FILE_NAME)).mode & 0o777).toBe(0o600);
    first.lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    expect(keep(await DataDirLock.acquire(dir)).kind).toBe('acquired');
  });

  it('another live process keeps the directory; after kill -9 of it the next start takes it at once', async () => {
    const dir = newDir();
    const owner = await otherOwner(dir);
    expect(await DataDirLock.acquire(dir)).toMatchObject({ kind: 'held', owner: { pid: owner.pid } });
    await owner.kill9();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(owner.pid);
    const next = keep(await DataDirLock.acquire(dir));
    expect(next.kind).toBe('acquired');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
  }, 30_000);

  it('a lock file that is not a lock (damaged, or edited by hand) does not block a start', async () => {
    const dir = newDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"pid": "nonsense"');
    expect(keep(await DataDirLock.acquire(dir)).kind).toBe('acquired');
  });

  it('a directory that cannot hold a lock file is a refusal with its reason, not an exception', async () => {
    const dir = newDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const outcome = await DataDirLock.acquire(join(file, 'data'));
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'data-dir-lock-failed' } });
  });
});
