import { accessSync, constants, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { CalendarSourceError } from '../../src/core/calendar/view';
import type { ReadOutcome } from './calendarFeed';

function failed(error: CalendarSourceError): ReadOutcome {
  return { kind: 'failed', error };
}

function notAFile(path: string): CalendarSourceError {
  return { code: 'file-not-a-file', message: `${path} is not a file` };
}

function tooLarge(maxBytes: number): CalendarSourceError {
  return { code: 'ics-too-large', message: `The file is larger than ${maxBytes} bytes`, maxBytes };
}

/** Reads an ICS file source afresh; the size is checked before the file is read. */
export async function readCalendarFile(path: string, maxBytes: number): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return failed(openError(path, error));
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return failed(notAFile(path));
    if (stats.size > maxBytes) return failed(tooLarge(maxBytes));
    const bytes = await handle.readFile();
    // The file may have grown since it was measured.
    if (bytes.byteLength > maxBytes) return failed(tooLarge(maxBytes));
    return { kind: 'fresh', text: new TextDecoder('utf-8').decode(bytes), etag: null, lastModified: null };
  } catch (error) {
    return failed(openError(path, error));
  } finally {
    await handle.close();
  }
}

/**
 * Whether a file can be added as a calendar now: it is there, is a file, this user may read it, and
 * it is not too large. Only looks, so adding stays quick; the sync that follows reads it.
 */
export function checkCalendarFile(path: string, maxBytes: number): CalendarSourceError | null {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return notAFile(path);
    if (stats.size > maxBytes) return tooLarge(maxBytes);
    accessSync(path, constants.R_OK);
    return null;
  } catch (error) {
    return openError(path, error);
  }
}

function openError(path: string, error: unknown): CalendarSourceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'file-not-found', message: `There is no file at ${path}` };
  if (code === 'EISDIR') return notAFile(path);
  return { code: 'file-unreadable', message: `${path} could not be read (${code ?? (error as Error).message})` };
}
