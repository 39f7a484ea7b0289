import { applyAutomation } from '../../src/core/automation/update';
import { fail, ok, type Result } from '../../src/core/errors';
import type { ChannelPayload, FilePurpose } from '../../src/core/ipc/contract';
import type { AppState } from '../../src/core/state/appState';
import type { PhoneStatus } from '../../src/core/tray/menuModel';
import type { AccountService } from './accountService';
import type { AppLog } from './appLog';
import type { CalendarService } from './calendarService';
import type { HistoryStore } from './historyStore';
import type { NoticeBoard } from './noticeBoard';
import type { NotificationCenter } from './notificationCenter';
import type { PresenceSignals } from './presenceSignals';
import type { ProfileService } from './profileService';
import type { RecordingService } from './recordingService';
import type { RendererLink } from './rendererLink';
import type { AsyncRequestHandlers, RequestHandlers } from './requestDispatcher';
import type { SpeechService } from './speechService';

/** The services a request reaches, and the few facts of the app's own that a request changes. */
export interface HandledBy {
  profiles: ProfileService;
  calendar: CalendarService;
  account: AccountService;
  history: HistoryStore;
  recordings: RecordingService;
  notifications: NotificationCenter;
  notices: NoticeBoard;
  presenceSignals: PresenceSignals;
  speech: SpeechService;
  rendererLink: RendererLink;
  log: AppLog;
  setPhoneStatus: (status: PhoneStatus) => void;
  openChosenFile: (purpose: FilePurpose) => Promise<Result<{ chosen: boolean }>>;
  state: () => AppState;
  changed: () => void;
}

/** Which service answers each channel; the payload has been checked by the RequestDispatcher before. */
export function requestHandlers(by: HandledBy): { handlers: RequestHandlers; asyncHandlers: AsyncRequestHandlers } {
  const { profiles, calendar, account, recordings, notifications, notices } = by;
  const handlers: RequestHandlers = {
    'state:get': () => ok(null),
    'profile:activate': (payload) => profiles.activate(payload),
    'profile:set-message': (payload) => profiles.setMessage(payload.temporaryMessage),
    'profile:create': (payload) => profiles.create(payload),
    'profile:update': (payload) => profiles.update(payload),
    'profile:delete': (payload) => profiles.delete(payload.profileId),
    'ui:update': (payload) => profiles.updateUi(dropUndefined(payload)),
    'notice:dismiss': (payload) => notices.dismiss(payload.noticeId),
    'account:update': (payload) => account.update(payload),
    'account:set-password': (payload) => account.setPassword(payload.password),
    'account:sip-credentials': () => ok({ password: account.storedPassword() }),
    'provision:import': (payload) => account.importProvisioning(payload.json),
    'history:record': (payload) => recordHistory(by, payload),
    'recording:finish': (payload) => recordings.finish(payload),
    'recording:delete': (payload) => recordings.delete(payload.recordingId),
    'recording:set-retention': (payload) => recordings.setRetention(payload.days),
    'recording:begin': (payload) => recordings.begin(payload),
    'recording:append': (payload) => recordings.append(payload),
    'recording:read': (payload) => recordings.read(payload),
    'notification:request': (payload) => ok({ shown: notifications.request(profiles.activeProfile, payload) !== null }),
    'calendar:add-source': (payload) => calendar.addSource(payload.location),
    'calendar:add-file': (payload) => calendar.addFileContent(payload.text),
    'calendar:remove-source': (payload) => calendar.removeSource(payload.sourceId),
    'calendar:sync': (payload) => calendar.requestSync(payload.sourceId),
    'calendar:skip': (payload) => calendar.setSkipped(payload.key, payload.skipped),
    'calendar:set-unmarked-rule': (payload) => calendar.setUnmarkedBusyProfile(payload.profileNumber),
    'calendar:set-marker-rules': (payload) => {
      const settings = profiles.settings;
      return profiles.apply(ok({ ...settings, calendar: { ...settings.calendar, ...dropUndefined(payload) } }));
    },
    'phone:in-call': (payload) => {
      notifications.setInCall(payload.inCall);
      by.presenceSignals.callActive(payload.inCall);
      return ok(null);
    },
    'phone:status': (payload) => {
      by.setPhoneStatus(payload.status);
      return ok(null);
    },
    'automation:update': (payload) => profiles.apply(applyAutomation(profiles.settings, payload)),
    'app:ready-to-quit': () => {
      by.rendererLink.signedOff();
      return ok(null);
    },
    'log:sip-trace': (payload) => traceSip(by, payload.lines),
  };
  const asyncHandlers: AsyncRequestHandlers = {
    'speech:status': async () => ok(await by.speech.status()),
    'calendar:add-caldav': async (payload) => {
      const added = await calendar.addCaldavSource(payload);
      return added.ok ? ok(by.state()) : added;
    },
    'file:open': (payload) => by.openChosenFile(payload.purpose),
    'speech:render': async (payload) => {
      const wav = await by.speech.render(payload);
      return wav.ok ? ok({ wavBase64: wav.value.toString('base64') }) : wav;
    },
  };
  return { handlers, asyncHandlers };
}

function recordHistory(by: HandledBy, entry: ChannelPayload<'history:record'>): Result<null> {
  const recorded = by.history.record(entry);
  if (!recorded.ok) return by.notices.reportFailure(recorded.error);
  by.changed();
  return ok(null);
}

function traceSip(by: HandledBy, lines: readonly string[]): Result<{ written: number }> {
  if (by.profiles.settings.ui.sipTrace !== true) return fail('sip-trace-off', 'The SIP trace is turned off.');
  by.log.sipTrace(lines);
  return ok({ written: lines.length });
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
