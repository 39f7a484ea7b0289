import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system (tmpfs) to make writes fail for real. The tests run as root, and root
 * ignores file modes, so chmod cannot refuse a write; a full disk (ENOSPC) and a read-only mount
 * (EROFS) refuse root too. Mounting needs CAP_SYS_ADMIN: `mountProblem` says why it cannot be used.
 */
export interface SmallDisk {
  dir: string;
  /** Fills every free byte, so the next write that needs space fails with ENOSPC. */
  fill(): void;
  /** Remounts read-only: every write fails with EROFS. */
  makeReadOnly(): void;
  /** Undoes `fill` and `makeReadOnly`. */
  makeWritable(): void;
  unmount(): void;
}

export type DiskFailure = 'full' | 'read-only';

export function mountSmallDisk(sizeKiB = 1024): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'profiltelefon-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0755`, 'tmpfs', dir]);
  const filler = join(dir, '.filler');
  let readOnly = false;
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (const size of [65_536, 4_096, 1]) {
          const chunk = Buffer.alloc(size, 0x2e);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    makeReadOnly() {
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      readOnly = true;
    },
    makeWritable() {
      if (readOnly) execFileSync('mount', ['-o', 'remount,rw', dir]);
      readOnly = false;
      rmSync(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function failDisk(disk: SmallDisk, failure: DiskFailure): void {
  if (failure === 'full') disk.fill();
  else disk.makeReadOnly();
}

/** Null when tmpfs can be mounted here, else the reason it cannot. */
export const mountProblem: string | null = (() => {
  try {
    mountSmallDisk(64).unmount();
    return null;
  } catch (error) {
    return `mounting a tmpfs needs CAP_SYS_ADMIN (${(error as Error).message.split('\n')[0]})`;
  }
})();
