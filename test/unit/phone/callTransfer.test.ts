import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/core/errors';
import type { ResolvedTarget } from '../../../src/core/phone/dialTarget';
import { blindTransfer, passOnAfterAnnouncement, type ReferringSession } from '../../../src/renderer/phone/callTransfer';

const COLLEAGUE: ResolvedTarget = { uri: 'sip:+46812345603@example.se', number: '+46812345603' };
const VOICEMAIL: ResolvedTarget = { uri: 'sip:+46812345699@example.se', number: '+46812345699' };

type ReferHandlers = Parameters<ReferringSession['refer']>[1]['eventHandlers'];

/** A session that keeps the REFERs asked of it; the test answers them. */
class ReferRecorder implements ReferringSession {
  readonly referredTo: string[] = [];
  readonly terminated: object[] = [];
  handlers: ReferHandlers | null = null;
  ended = false;
  refuseRefer = false;

  refer(target: string, options: { eventHandlers: ReferHandlers }): unknown {
    if (this.refuseRefer) throw new Error('Invalid status: 8');
    this.referredTo.push(target);
    this.handlers = options.eventHandlers;
    return null;
  }

  terminate(options: object = {}): void {
    this.terminated.push(options);
    this.ended = true;
  }

  isEnded(): boolean {
    return this.ended;
  }
}

function blind(session: ReferRecorder) {
  const transferred: string[] = [];
  const refused: AppError[] = [];
  const result = blindTransfer(session, COLLEAGUE, {
    transferred: () => transferred.push('transferred'),
    refused: (error) => refused.push(error),
  });
  return { result, transferred, refused };
}

describe('blindTransfer', () => {
  it('asks the other party to call the target, and leaves the call once it agrees', () => {
    const session = new ReferRecorder();
    const { result, transferred } = blind(session);
    expect(result).toEqual({ ok: true, value: null });
    expect(session.referredTo).toEqual([COLLEAGUE.uri]);
    expect(session.terminated).toEqual([]);

    session.handlers!.requestSucceeded();
    expect(transferred).toEqual(['transferred']);
    expect(session.terminated).toEqual([{}]);
  });

  it('stays in the call and says why when the other party refuses', () => {
    const session = new ReferRecorder();
    const { transferred, refused } = blind(session);
    session.handlers!.requestFailed({ response: { status_code: 603 } });
    expect(refused).toEqual([{ code: 'transfer-refused', message: 'The transfer was refused (603)' }]);
    expect(transferred).toEqual([]);
    expect(session.terminated).toEqual([]);
  });

  it('says the transfer was refused without a code when no response came', () => {
    const session = new ReferRecorder();
    const { refused } = blind(session);
    session.handlers!.requestFailed({});
    expect(refused).toEqual([{ code: 'transfer-refused', message: 'The transfer was refused' }]);
  });

  it('turns a session that cannot refer now into a refusal, not a throw', () => {
    const session = new ReferRecorder();
    session.refuseRefer = true;
    const { result, transferred } = blind(session);
    expect(result).toEqual({ ok: false, error: { code: 'call-action-failed', message: 'Invalid status: 8' } });
    expect(transferred).toEqual([]);
    expect(session.terminated).toEqual([]);
  });
});

describe('passOnAfterAnnouncement', () => {
  it('refers the caller to voicemail, and hangs up once the caller’s phone takes it', () => {
    const session = new ReferRecorder();
    const transferred: string[] = [];
    passOnAfterAnnouncement(session, { kind: 'transfer', target: VOICEMAIL }, () => transferred.push('transferred'));
    expect(session.referredTo).toEqual([VOICEMAIL.uri]);
    expect(session.terminated).toEqual([]);

    session.handlers!.requestSucceeded();
    expect(transferred).toEqual(['transferred']);
    expect(session.terminated).toEqual([{}]);
  });

  it('hangs up when the caller’s phone refuses the REFER, or cannot take one', () => {
    const refusing = new ReferRecorder();
    const transferred: string[] = [];
    passOnAfterAnnouncement(refusing, { kind: 'transfer', target: VOICEMAIL }, () => transferred.push('transferred'));
    refusing.handlers!.requestFailed({ response: { status_code: 501 } });
    expect(refusing.terminated).toEqual([{}]);

    const unable = new ReferRecorder();
    unable.refuseRefer = true;
    passOnAfterAnnouncement(unable, { kind: 'transfer', target: VOICEMAIL }, () => transferred.push('transferred'));
    expect(unable.terminated).toEqual([{}]);
    expect(transferred).toEqual([]);
  });

  it('hangs up without a REFER when the profile says hang up, and leaves an ended call alone', () => {
    const session = new ReferRecorder();
    passOnAfterAnnouncement(session, { kind: 'hangup' }, () => undefined);
    expect(session.referredTo).toEqual([]);
    expect(session.terminated).toEqual([{}]);

    const ended = new ReferRecorder();
    ended.ended = true;
    passOnAfterAnnouncement(ended, { kind: 'hangup' }, () => undefined);
    expect(ended.terminated).toEqual([]);
  });
});
