import { z } from 'zod';
import { MAX_PROVISIONING_CHARACTERS } from '../account/model';
import { AccountPatchSchema } from '../account/patch';
import { boundedInteger, COUNT_GUARD, HORIZON_MS, identifier, plainText } from '../bounds';
import type { Result } from '../errors';
import type { DialTarget } from '../phone/numbers/phoneNumber';
import { ActivitySignalSchema } from '../automation/activity';
import { AutomationUpdateSchema } from '../automation/update';
import { MAX_CALDAV_PASSWORD_LENGTH } from '../calendar/caldavSource';
import { DEFAULT_MAX_ICS_BYTES } from '../calendar/parse';
import { MAX_CALDAV_USERNAME_LENGTH, MAX_SOURCE_LOCATION_LENGTH } from '../calendar/settings';
import { CallHistoryEntrySchema } from '../phone/history';
import { MAX_RECORDING_CHUNK_BASE64_LENGTH, RecordingDirectionSchema, RecordingSampleRateSchema } from '../phone/recording';
import { MAX_SPOKEN_CHARACTERS, type SpeechStatus } from '../phone/speech';
import { ActivationLengthSchema, TEMPORARY_MESSAGE_GUARD } from '../profiles/activation';
import { NotificationKindSchema, ProfileDraftSchema, ProfileSchema } from '../profiles/model';
import { LanguageSchema } from '../i18n/language';
import type { AppState } from '../state/appState';
import { PHONE_STATUSES } from '../tray/menuModel';
import type { DebugChannel, InvokeChannel } from './channels';

export * from './channels';

export const MAX_TRACE_LINE_LENGTH = 50_000;
/** What a file chosen in the OS dialog is for: a provisioning file to import, or a calendar to follow. */
export const FILE_PURPOSES = ['provisioning', 'calendar'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const MAX_TRACE_BATCH = 500;

/** Requests the renderer may make. Main validates each payload against its schema before any handler runs. */
export const invokeSchemas = {
  'state:get': z.null(),
  'profile:activate': z
    .object({ profileId: identifier(), length: ActivationLengthSchema, temporaryMessage: plainText(TEMPORARY_MESSAGE_GUARD).nullable() })
    .strict(),
  /** The switcher's temporary message, for the profile active now; null brings back the profile's own. */
  'profile:set-message': z.object({ temporaryMessage: plainText(TEMPORARY_MESSAGE_GUARD).nullable() }).strict(),
  'profile:create': ProfileDraftSchema,
  'profile:update': ProfileSchema,
  'profile:delete': z.object({ profileId: identifier() }).strict(),
  'ui:update': z
    .object({
      language: LanguageSchema.optional(),
      showProfileNumbers: z.boolean().optional(),
      sipTrace: z.boolean().optional(),
      holdNotificationsInCall: z.boolean().optional(),
    })
    .strict(),
  'notice:dismiss': z.object({ noticeId: identifier() }).strict(),
  'account:update': AccountPatchSchema,
  'account:set-password': z.object({ password: z.string().max(200) }).strict(),
  'account:sip-credentials': z.null(),
  'provision:import': z.object({ json: z.string().max(MAX_PROVISIONING_CHARACTERS) }).strict(),
  'history:record': CallHistoryEntrySchema,
  /** A call's recording starts: main creates its file and stamps it with its clock and the active profile. */
  'recording:begin': z
    .object({ party: plainText(200), direction: RecordingDirectionSchema, sampleRate: RecordingSampleRateSchema })
    .strict(),
  /** The next few seconds of 16-bit PCM while the call goes on; main checks it is base64 of whole samples. */
  'recording:append': z.object({ recordingId: identifier(120), dataBase64: z.string().max(MAX_RECORDING_CHUNK_BASE64_LENGTH) }).strict(),
  /** The recording ends (the call ended, or the profile stopped recording); a call already in the history links it. */
  'recording:finish': z.object({ recordingId: identifier(120), callId: identifier().nullable() }).strict(),
  /** A piece of a recording, for playback. */
  'recording:read': z.object({ recordingId: identifier(120), offset: boundedInteger(0, Number.MAX_SAFE_INTEGER) }).strict(),
  'recording:delete': z.object({ recordingId: identifier(120) }).strict(),
  /** Bounded loosely here, so a number out of range gets its own error. null keeps recordings until deleted. */
  'recording:set-retention': z.object({ days: z.number().min(-COUNT_GUARD).max(COUNT_GUARD).nullable() }).strict(),
  'notification:request': z
    .object({ kind: NotificationKindSchema, title: plainText(200).min(1), body: z.string().max(500), callId: identifier(100).optional() })
    .strict(),
  /** A file path or a feed URL as typed; main decides which, and refuses what it cannot use. */
  'calendar:add-source': z.object({ location: z.string().max(MAX_SOURCE_LOCATION_LENGTH + 100) }).strict(),
  /**
   * A calendar file's content, where the page cannot give its path (the browser shell's file input);
   * kept as a managed copy. Bounded loosely here, so a file over the calendar's limit gets its own error.
   */
  'calendar:add-file': z.object({ text: z.string().max(DEFAULT_MAX_ICS_BYTES) }).strict(),
  'calendar:remove-source': z.object({ sourceId: identifier(64) }).strict(),
  /** null syncs every source. */
  'calendar:sync': z.object({ sourceId: identifier(64).nullable() }).strict(),
  'calendar:skip': z.object({ key: z.string().min(1).max(MAX_SOURCE_LOCATION_LENGTH), skipped: z.boolean() }).strict(),
  'calendar:set-unmarked-rule': z.object({ profileNumber: z.number().int().min(1).max(999).nullable() }).strict(),
  /** Bounded loosely here, so a too-long field gets the form's own error; main asks the server before anything is kept. */
  'calendar:add-caldav': z
    .object({
      serverUrl: z.string().max(MAX_SOURCE_LOCATION_LENGTH + 100),
      username: z.string().max(MAX_CALDAV_USERNAME_LENGTH + 100),
      password: z.string().max(MAX_CALDAV_PASSWORD_LENGTH + 100),
    })
    .strict(),
  'calendar:set-marker-rules': z.object({ shortFormMarkers: z.boolean().optional(), ignorePrivateEvents: z.boolean().optional() }).strict(),
  'app:ready-to-quit': z.null(),
  'phone:status': z.object({ status: z.enum(PHONE_STATUSES) }).strict(),
  /** Whether a call is in progress (ringing, dialling, talking, on hold); main holds notifications meanwhile when asked to, and away when idle never switches during one. */
  'phone:in-call': z.object({ inCall: z.boolean() }).strict(),
  /** Working hours, the work schedule and away when idle or locked, from the Automatik form. */
  'automation:update': AutomationUpdateSchema,
  /** JsSIP's debug lines, batched; main takes them only while the SIP trace is on, and redacts them. */
  'log:sip-trace': z.object({ lines: z.array(z.string().max(MAX_TRACE_LINE_LENGTH)).min(1).max(MAX_TRACE_BATCH) }).strict(),
  'speech:status': z.null(),
  /** Bounded loosely here, so a too-long text gets the speech service's own error. */
  'speech:render': z.object({ text: z.string().max(MAX_SPOKEN_CHARACTERS * 10), language: LanguageSchema }).strict(),
  /** Electron only: the OS file dialog, then main reads the chosen file for its purpose; the browser shell refuses it. */
  'file:open': z.object({ purpose: z.enum(FILE_PURPOSES) }).strict(),
} satisfies Record<InvokeChannel, z.ZodType>;

/** Only the browser shell answers these: they stand in for the OS (clock, tray clicks, resume, a second launch, idle and lock). */
export const debugSchemas = {
  'debug:clock-advance': z.object({ ms: boundedInteger(1, HORIZON_MS) }).strict(),
  'debug:tray-click': z.object({ itemId: identifier(200) }).strict(),
  'debug:resume': z.null(),
  'debug:second-launch': z.object({ argv: z.array(z.string().max(4096)).max(50) }).strict(),
  /** What Electron's powerMonitor would report: idle seconds, lock and unlock, suspend and resume. */
  'debug:user-activity': ActivitySignalSchema,
  /** What the OS reports for a notification: a click on it, or one of its buttons by position. */
  'debug:notification-action': z
    .object({
      notificationId: identifier(64),
      gesture: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('click') }).strict(),
        z.object({ kind: z.literal('action'), index: boundedInteger(0, 9) }).strict(),
      ]),
    })
    .strict(),
} satisfies Record<DebugChannel, z.ZodType>;

export type ChannelPayload<C extends InvokeChannel | DebugChannel> = z.infer<(typeof invokeSchemas & typeof debugSchemas)[C]>;

/** The requests that answer with a value of their own; every other request answers with the new state. */
interface ValueResponses {
  'account:sip-credentials': { password: string | null };
  'notification:request': { shown: boolean };
  'log:sip-trace': { written: number };
  'speech:status': SpeechStatus;
  /** A WAV file. */
  'speech:render': { wavBase64: string };
  /** false when the user closed the dialog without choosing; the change itself arrives as a new state. */
  'file:open': { chosen: boolean };
  'recording:begin': { recordingId: string };
  /** The recording's length so far. */
  'recording:append': { durationMs: number };
  'recording:read': { dataBase64: string; totalBytes: number; nextOffset: number | null };
}
export const VALUE_CHANNELS = [
  'account:sip-credentials',
  'notification:request',
  'log:sip-trace',
  'speech:status',
  'speech:render',
  'file:open',
  'recording:begin',
  'recording:append',
  'recording:read',
] as const satisfies readonly (keyof ValueResponses)[];
export type ValueChannel = keyof ValueResponses;
export type StateChannel = Exclude<InvokeChannel, ValueChannel>;
export type ChannelResponse<C extends InvokeChannel | DebugChannel> = C extends ValueChannel ? ValueResponses[C] : AppState;

export function isValueChannel(channel: InvokeChannel): channel is ValueChannel {
  return (VALUE_CHANNELS as readonly string[]).includes(channel);
}

/** What `window.softphone` is, in Electron (preload) and in the browser shell (bridge script) alike. */
export interface SoftphoneApi {
  invoke<C extends InvokeChannel>(channel: C, payload: ChannelPayload<C>): Promise<Result<ChannelResponse<C>>>;
  onStateChanged(listener: (state: AppState) => void): () => void;
  /** A tel:/sip:/callto: link the OS handed to the app: the phone should dial it. */
  onDialRequest(listener: (target: DialTarget) => void): () => void;
  /** The app is quitting; answer with `app:ready-to-quit` once signed off. */
  onQuitting(listener: () => void): () => void;
  /** Svara or Avvisa on a ringing call's OS notification. */
  onCallAction(listener: (action: CallAction) => void): () => void;
  /** A profile chosen by hand is about to be saved (or was refused): what colleagues should see now, unchecked. */
  onProfileActivating(listener: (presence: unknown) => void): () => void;
}

export interface CallAction {
  kind: 'answer' | 'decline';
  callId: string;
}

export interface SoftphoneDebugApi {
  invoke<C extends DebugChannel>(channel: C, payload: ChannelPayload<C>): Promise<Result<AppState>>;
}
