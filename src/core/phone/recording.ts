import { z } from 'zod';
import type { Account } from '../account/model';
import { identifier, plainText, timestamp } from '../bounds';
import type { Profile } from '../profiles/model';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../settings/schema';

/** Recorded only when the profile asks for it and the account has the recording add-on. */
export function shouldRecord(profile: Pick<Profile, 'recordCalls'>, account: Pick<Account, 'addOns'>): boolean {
  return profile.recordCalls && account.addOns.recording;
}

/**
 * Recordings are 16-bit mono PCM in a WAV file, streamed to disk in chunks while the call goes on.
 * A plain format on purpose: a file cut short by a crash is repaired from its size alone.
 */
export const WAV_HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;

/** One chunk sent while recording: a few seconds of audio at most (48 kHz × 2 bytes × 4 s, in base64). */
export const MAX_RECORDING_CHUNK_BASE64_LENGTH = 4 * Math.ceil((48000 * BYTES_PER_SAMPLE * 4) / 3);
/** One piece of a recording read back for playback. */
export const RECORDING_READ_BYTES = 2 * 1024 * 1024;

const DAY_MS = 24 * 60 * 60_000;

export const RecordingSampleRateSchema = z.union([z.literal(8000), z.literal(16000), z.literal(48000)]);
export const RecordingDirectionSchema = z.enum(['incoming', 'outgoing']);

export type RecordingSampleRate = z.infer<typeof RecordingSampleRateSchema>;

/** What is kept beside each recording's audio file. */
export const RecordingInfoSchema = z
  .object({
    id: identifier(120),
    /** The audio file's name under `<dataDir>/recordings/`. */
    file: identifier(200),
    party: plainText(200),
    direction: RecordingDirectionSchema,
    /** The profile active when the recording began. */
    profile: plainText(200),
    startedAt: timestamp(),
    durationMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    sampleRate: RecordingSampleRateSchema,
    /** `recording` while chunks still arrive; `repaired` when a crash cut it short and it was closed on the next start. */
    state: z.enum(['recording', 'finished', 'repaired']),
  })
  .strict();
export type RecordingInfo = z.infer<typeof RecordingInfoSchema>;

/** What Inspelningar shows. */
export interface RecordingsView {
  items: RecordingInfo[];
  /** Bytes the recordings take on disk, their metadata included. */
  diskBytes: number;
  retentionDays: number | null;
}

export function durationMsOf(dataBytes: number, sampleRate: RecordingSampleRate): number {
  return Math.floor((Math.floor(dataBytes / BYTES_PER_SAMPLE) * 1000) / sampleRate);
}

/** The canonical 44-byte header of a 16-bit mono PCM WAV file with `dataBytes` of samples. */
export function wavHeader(dataBytes: number, sampleRate: RecordingSampleRate): Uint8Array {
  const header = new Uint8Array(WAV_HEADER_BYTES);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) header[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * BYTES_PER_SAMPLE, true);
  view.setUint16(32, BYTES_PER_SAMPLE, true);
  view.setUint16(34, 8 * BYTES_PER_SAMPLE, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

/** The whole samples in a file of `fileBytes`: a half sample a crash left at the end does not count. */
export function wavDataBytes(fileBytes: number): number {
  const data = Math.max(0, fileBytes - WAV_HEADER_BYTES);
  return data - (data % BYTES_PER_SAMPLE);
}

export function isRetentionDays(days: number | null): boolean {
  return days === null || (Number.isInteger(days) && days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS);
}

/** Finished recordings older than the retention period; one still being written is never due. */
export function expiredRecordings(items: readonly RecordingInfo[], now: number, retentionDays: number | null): RecordingInfo[] {
  if (retentionDays === null) return [];
  const cutoff = now - retentionDays * DAY_MS;
  return items.filter((item) => item.state !== 'recording' && item.startedAt + item.durationMs <= cutoff);
}

/** When the next recording falls due for deletion; null when none ever will. */
export function nextExpiry(items: readonly RecordingInfo[], retentionDays: number | null): number | null {
  if (retentionDays === null) return null;
  const ends = items.filter((item) => item.state !== 'recording').map((item) => item.startedAt + item.durationMs + retentionDays * DAY_MS);
  return ends.length === 0 ? null : Math.min(...ends);
}

/** Case-insensitive search in the party and the profile's name. */
export function searchRecordings(items: readonly RecordingInfo[], query: string): RecordingInfo[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [...items];
  return items.filter((item) => item.party.toLocaleLowerCase().includes(needle) || item.profile.toLocaleLowerCase().includes(needle));
}

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
 * The name a recording's files share: UTC date-time and the other party, e.g.
 * `20261123T090000Z_+46812345602`. Never a path: no separators, bounded length.
 */
export function recordingBaseName(startedAt: number, party: string): string {
  const date = new Date(Number.isFinite(startedAt) ? startedAt : 0);
  const valid = Number.isNaN(date.getTime()) ? new Date(0) : date;
  const stamp =
    `${pad(valid.getUTCFullYear(), 4)}${pad(valid.getUTCMonth() + 1)}${pad(valid.getUTCDate())}` +
    `T${pad(valid.getUTCHours())}${pad(valid.getUTCMinutes())}${pad(valid.getUTCSeconds())}Z`;
  return `${stamp}_${safePartyName(party)}`;
}

// A plain character class: linear on any body, no backtracking.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (padded, no whitespace). */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}
