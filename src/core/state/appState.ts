import type { CalendarState } from '../calendar/view';
import type { AppError } from '../errors';
import type { CallHistoryEntry } from '../phone/history';
import type { RecordingsView } from '../phone/recording';
import type { NotificationKind, Profile } from '../profiles/model';
import type { Activation } from '../profiles/activationRecord';
import type { Settings } from '../settings/schema';
import type { TrayModel } from '../tray/menuModel';

export type Notice =
  | { id: string; kind: 'settings-recovered' | 'history-recovered'; backupPath: string; reason: string }
  | { id: string; kind: 'launch-refused'; error: AppError }
  /** Values outside the bounds (written by an older version) were put right; the rest of the file is kept. */
  | { id: string; kind: 'settings-repaired'; fields: string[] }
  | { id: string; kind: 'history-repaired'; dropped: number }
  /** Recordings a crash cut short were closed on this start, playable up to that moment. */
  | { id: string; kind: 'recordings-repaired'; count: number }
  /** Something the app did on its own, or in the background (a call's history, a recording), failed. */
  | { id: string; kind: 'failure'; error: AppError };

export interface NotificationRecord {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  at: number;
  /** An incoming call's notification names the call, so that its Svara and Avvisa act on it. */
  callId?: string;
}

/** Everything the renderer shows, sent whole on every change. */
export interface AppState {
  profiles: Profile[];
  active: Activation;
  account: Settings['account'];
  /** Whether a SIP password is stored; the password itself only crosses IPC on request. */
  sipPasswordSet: boolean;
  /** The OS offers no real encryption (Linux `basic_text`), so the password lives in memory until the app quits. */
  passwordSessionOnly: boolean;
  /** The shell has an OS file dialog (Electron): files are chosen through `file:open`; otherwise in the page. */
  nativeFileDialog: boolean;
  /** Newest first. */
  history: CallHistoryEntry[];
  ui: Settings['ui'];
  timeZone: string;
  workingHours: Settings['workingHours'];
  /** The work schedule and away when idle or locked. */
  automation: Settings['automation'];
  reminderBeforeEndMinutes: number;
  notices: Notice[];
  tray: TrayModel;
  /** Desktop notifications shown (or, in the browser shell, recorded) this run, newest last. */
  notifications: NotificationRecord[];
  /** Calendar sources, their sync status, and the activations to come; titles only in the upcoming list, for the user. */
  calendar: CalendarState;
  /** Inspelningar: the call recordings, the room they take and how long they are kept. */
  recordings: RecordingsView;
  /** The services' clock when this state was built; the renderer counts down from it. */
  now: number;
}
