import type { Account } from '../account/model';
import type { Profile } from '../profiles/model';

/** Recorded only when the profile asks for it and the account has the recording add-on. */
export function shouldRecord(profile: Pick<Profile, 'recordCalls'>, account: Pick<Account, 'addOns'>): boolean {
  return profile.recordCalls && account.addOns.recording;
}

export const RECORDING_MIME_TYPES = ['audio/webm', 'audio/ogg'] as const;
export type RecordingMimeType = (typeof RECORDING_MIME_TYPES)[number];

/** About 30 MB of base64 (roughly 22 MB of audio). */
export const MAX_RECORDING_BASE64_LENGTH = 30 * 1024 * 1024;
const MAX_PARTY_LENGTH = 60;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A file-name-safe form of the other party: letters, digits, `+`, `-`, `_` and `.` only, never `..`. */
export function safePartyName(party: string): string {
  const cleaned = party
    .normalize('NFKD')
    .replace(/^(sips?|tel):/i, '')
    .replace(/[^A-Za-z0-9+._-]+/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, MAX_PARTY_LENGTH)
    .replace(/[._-]+$/g, '');
  return cleaned === '' ? 'okand' : cleaned;
}

/**
 * The file a recording is saved as: UTC date-time, the other party, and the extension of its type,
 * e.g. `20261123T090000Z_+46812345602.webm`. Never a path: no separators, bounded length.
 */
export function recordingFileName(startedAt: number, party: string, mimeType: RecordingMimeType): string {
  const date = new Date(Number.isFinite(startedAt) ? startedAt : 0);
  const valid = Number.isNaN(date.getTime()) ? new Date(0) : date;
  const stamp =
    `${pad(valid.getUTCFullYear(), 4)}${pad(valid.getUTCMonth() + 1)}${pad(valid.getUTCDate())}` +
    `T${pad(valid.getUTCHours())}${pad(valid.getUTCMinutes())}${pad(valid.getUTCSeconds())}Z`;
  const extension = mimeType === 'audio/ogg' ? 'ogg' : 'webm';
  return `${stamp}_${safePartyName(party)}.${extension}`;
}

// A plain character class: linear even on a 30 MB body, no backtracking.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (padded, no whitespace). */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}
