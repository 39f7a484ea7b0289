import { translate } from '../../core/i18n/messages';
import { partyText } from './callParty';
import { RecordingHook } from './callMedia';
import { startCallRecording } from './callRecorder';
import type { PhoneEnvironment } from './phoneEnvironment';
import { dispatchCall } from './phoneStore';
import { tellOtherPartyRecorded } from './recordingNotice';
import type { TrackedCall } from './trackedCall';

/** Records connected calls as the profile in force says, shows it on each call, and tells the other party where asked. */
export class CallRecordings {
  readonly #hook: RecordingHook;

  constructor(private readonly env: PhoneEnvironment) {
    this.#hook = new RecordingHook((connection, call) =>
      startCallRecording(connection, { party: partyText(env, call.remote).slice(0, 200), direction: call.direction }, env.recordings),
    );
  }

  /** The call has just connected. */
  start(call: TrackedCall): void {
    if (!this.#hook.begin(call, call.session.connection ?? null, this.env.context())) return;
    dispatchCall({ kind: 'recording', id: call.id, recording: true });
    this.#tellRecorded(call);
  }

  /** The active profile may have changed: each connected call starts or stops recording from now. */
  follow(calls: Iterable<TrackedCall>): void {
    const context = this.env.context();
    for (const call of calls) {
      if (call.status !== 'active') continue;
      const change = this.#hook.follow(call, call.session.connection ?? null, context);
      if (change) dispatchCall({ kind: 'recording', id: call.id, recording: change === 'started' });
      if (change === 'started') this.#tellRecorded(call);
    }
  }

  /** The call has ended and its history entry is recorded, so main can link the file from it. */
  finish(call: TrackedCall): void {
    void this.#hook.finish(call, call.id);
  }

  /** Where the profile says so, the other party hears that the call is recorded, in the announcements' language. */
  #tellRecorded(call: TrackedCall): void {
    const context = this.env.context();
    const connection = call.session.connection ?? null;
    if (!context?.profile.announceRecording || !connection) return;
    const language = context.account.announcementLanguage;
    void tellOtherPartyRecorded(connection, this.env.speak(translate(language, 'phone.recordingNotice'), language));
  }
}
