import type { Account } from '../../core/account/model';
import type { Result } from '../../core/errors';
import { translate, type MessageKey } from '../../core/i18n/messages';
import type { CallHistoryEntry } from '../../core/phone/history';
import type { NotificationKind, Profile } from '../../core/profiles/model';
import type { Language } from '../../core/i18n/language';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';
import type { RecordingSink } from './callRecorder';
import { requestSpeech } from './speech';

/** What the phone needs to know at the moment a call starts or arrives. */
export interface PhoneContext {
  profile: Profile;
  account: Account;
  /** When the active profile ends; null when it lasts until changed. */
  until: number | null;
  now: number;
  language: Language;
  timeZone: string;
}

/** The phone's way out to the rest of the app; main decides, stores and notifies. */
export interface PhoneEnvironment {
  context(): PhoneContext | null;
  recordHistory(entry: CallHistoryEntry): void;
  /** Where recordings are written while the call goes on. */
  recordings: RecordingSink;
  /** Asks main to notify; main shows it only if the active profile allows the kind on the desktop. */
  notify(kind: NotificationKind, title: string, body: string, callId?: string): void;
  text(key: MessageKey, params?: Record<string, string | number>): string;
  /** The text spoken by the computer's speech engine, as WAV bytes. */
  speak(text: string, language: Language): Promise<Result<ArrayBuffer>>;
}

export const appPhoneEnvironment: PhoneEnvironment = {
  context() {
    const { state, receivedAt } = useAppStore.getState();
    if (!state) return null;
    const profile = state.profiles.find((candidate) => candidate.id === state.active.profileId);
    if (!profile) return null;
    return {
      profile,
      account: state.account,
      until: state.active.until,
      now: state.now + Math.max(0, Date.now() - receivedAt),
      language: state.ui.language,
      timeZone: state.timeZone,
    };
  },
  recordHistory(entry) {
    void contract.invoke('history:record', entry).then((result) => {
      if (!result.ok) console.error(`The call history refused an entry: ${result.error.message}`);
    });
  },
  recordings: {
    begin: (details) => contract.invoke('recording:begin', details),
    append: (recordingId, dataBase64) => contract.invoke('recording:append', { recordingId, dataBase64 }),
    finish: (recordingId, callId) => contract.invoke('recording:finish', { recordingId, callId }),
  },
  notify(kind, title, body, callId) {
    void contract.invoke('notification:request', {
      kind,
      title: title.slice(0, 200),
      body: body.slice(0, 500),
      ...(callId === undefined ? {} : { callId }),
    });
  },
  text(key, params) {
    return translate(useAppStore.getState().state?.ui.language ?? 'sv', key, params);
  },
  speak: requestSpeech,
};
