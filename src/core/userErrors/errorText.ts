import type { AppError } from '../errors';
import type { ErrorCode } from '../errorCodes';
import type { CalendarSourceError } from '../calendar/view';
import { MAX_PRIORITY_CONTACTS } from '../account/model';
import { CALENDAR_PRIORITY, NO_ANSWER_SECONDS, PROFILE_NUMBER_MAX, TEXT_LIMITS } from '../profiles/validation';
import { isWriteFailure } from '../storage/writeFailure';
import { localeOf } from '../time/format';
import type { Language } from '../i18n/language';
import type { MessageParams } from '../i18n/icu';
import { catalogue, translate, type MessageKey } from '../i18n/messages';

/**
 * The text of every error code. The compiler refuses a code without one, so no error can reach
 * the screen as the English `message` it carries for logs.
 */
export const ERROR_TEXTS = {
  'invalid-payload': 'error.invalid-payload',
  'out-of-bounds': 'bounds.error.out-of-bounds',
  'control-characters': 'bounds.error.control-characters',
  'unknown-channel': 'error.unknown-channel',
  'channel-answers-later': 'error.channel-answers-later',
  'untrusted-sender': 'error.untrusted-sender',
  'contract-unreachable': 'contract.error.unreachable',
  'request-failed': 'storage.error.request-failed',
  'shell-frame-invalid': 'error.shell-frame-invalid',
  'shell-frame-not-json': 'error.shell-frame-not-json',
  'tray-item-unknown': 'error.tray-item-unknown',
  'notice-unknown': 'error.notice-unknown',
  'notification-unknown': 'error.notification-unknown',
  'file-dialog-unavailable': 'error.file-dialog-unavailable',
  'settings-write-failed': 'storage.error.settings-write-failed',
  'password-write-failed': 'storage.error.password-write-failed',
  'history-write-failed': 'storage.error.history-write-failed',
  'recording-write-failed': 'storage.error.recording-write-failed',
  'calendar-cache-write-failed': 'storage.error.calendar-cache-write-failed',
  'settings-invalid': 'error.settings-invalid',
  'password-encryption-failed': 'error.password-encryption-failed',
  'data-dir-lock-contended': 'error.data-dir-lock-contended',
  'data-dir-lock-failed': 'error.data-dir-lock-failed',
  'recording-call-unknown': 'error.recording-call-unknown',
  'recording-empty': 'error.recording-empty',
  'recording-not-base64': 'error.recording-not-base64',
  'recording-path-refused': 'error.recording-path-refused',
  'recording-not-allowed': 'error.recording-not-allowed',
  'recording-chunk-odd': 'error.recording-chunk-odd',
  'recording-not-open': 'error.recording-not-open',
  'recording-in-progress': 'recordings.error.recording-in-progress',
  'recording-offset-invalid': 'error.recording-offset-invalid',
  'recording-unknown': 'recordings.error.recording-unknown',
  'recording-unreadable': 'recordings.error.recording-unreadable',
  'recording-retention-invalid': 'recordings.error.recording-retention-invalid',
  'listen-in-not-supervisor': 'error.listen-in-not-supervisor',
  'listen-in-failed': 'error.listen-in-failed',
  'name-empty': 'editor.error.name-empty',
  'name-too-long': 'editor.error.name-too-long',
  'name-duplicate': 'editor.error.name-duplicate',
  'number-empty': 'editor.error.number-empty',
  'number-invalid': 'editor.error.number-invalid',
  'number-invalid-characters': 'editor.error.number-invalid-characters',
  'number-out-of-range': 'editor.error.number-out-of-range',
  'number-duplicate': 'editor.error.number-duplicate',
  'number-base-fixed': 'editor.error.number-base-fixed',
  'not-a-whole-number': 'editor.error.not-a-whole-number',
  'text-too-long': 'editor.error.text-too-long',
  'invalid-value': 'error.invalid-value',
  'no-answer-out-of-range': 'editor.error.no-answer-out-of-range',
  'status-message-too-long': 'editor.error.status-message-too-long',
  'announcement-empty': 'editor.error.announcement-empty',
  'announcement-too-long': 'editor.error.announcement-too-long',
  'calendar-priority-out-of-range': 'editor.error.calendar-priority-out-of-range',
  'caller-id-not-owned': 'editor.error.caller-id-not-owned',
  'forward-number-invalid': 'editor.error.forward-number-invalid',
  'forward-colleague-missing': 'editor.error.forward-colleague-missing',
  'forward-colleague-invalid': 'phone.error.forward-colleague-invalid',
  'forward-no-mobile': 'phone.error.forward-no-mobile',
  'forward-no-voicemail': 'phone.error.forward-no-voicemail',
  'forward-voicemail-invalid': 'phone.error.forward-voicemail-invalid',
  'voicemail-invalid': 'bounds.error.voicemail-invalid',
  'length-not-positive': 'editor.error.length-not-positive',
  'length-too-long': 'editor.error.length-too-long',
  'time-invalid': 'editor.error.time-invalid',
  'until-in-past': 'error.until-in-past',
  'profile-not-found': 'editor.error.profile-not-found',
  'profile-recheck-failed': 'error.profile-recheck-failed',
  'delete-base': 'error.delete-base',
  'delete-active': 'error.delete-active',
  'priority-empty': 'editor.error.priority-empty',
  'priority-duplicate': 'editor.error.priority-duplicate',
  'priority-list-full': 'editor.error.priority-list-full',
  'priority-not-found': 'editor.error.priority-not-found',
  'priority-colleague-unknown': 'editor.error.priority-colleague-unknown',
  'priority-colleague-ambiguous': 'editor.error.priority-colleague-ambiguous',
  'speech-no-engine': 'editor.error.speech-no-engine',
  'speech-engine-failed': 'editor.error.speech-engine-failed',
  'speech-timeout': 'editor.error.speech-timeout',
  'speech-text-empty': 'editor.error.speech-text-empty',
  'speech-text-too-long': 'editor.error.speech-text-too-long',
  'sip-server-missing': 'phone.error.sip-server-missing',
  'sip-server-invalid': 'phone.error.sip-server-invalid',
  'sip-server-not-websocket': 'phone.error.sip-server-not-websocket',
  'sip-uri-missing': 'phone.error.sip-uri-missing',
  'sip-uri-invalid': 'phone.error.sip-uri-invalid',
  'sip-password-missing': 'phone.error.sip-password-missing',
  'sip-address-invalid': 'phone.error.sip-address-invalid',
  'colleague-name-empty': 'error.colleague-name-empty',
  'colleague-uri-invalid': 'error.colleague-uri-invalid',
  'provisioning-invalid': 'error.provisioning-invalid',
  'provisioning-unknown-setting': 'error.provisioning-unknown-setting',
  'provisioning-not-json': 'error.provisioning-not-json',
  'provisioning-file-not-found': 'account.error.provisioning-file-not-found',
  'provisioning-file-not-a-file': 'account.error.provisioning-file-not-a-file',
  'provisioning-file-too-large': 'account.error.provisioning-file-too-large',
  'provisioning-file-unreadable': 'account.error.provisioning-file-unreadable',
  'phone-not-configured': 'phone.error.phone-not-configured',
  'phone-not-ready': 'phone.error.phone-not-ready',
  'phone-offline': 'phone.error.phone-offline',
  'phone-config-rejected': 'phone.error.phone-config-rejected',
  'call-failed': 'phone.error.call-failed',
  'call-action-failed': 'phone.error.call-action-failed',
  'call-gone': 'phone.error.call-gone',
  'call-not-active': 'phone.error.call-not-active',
  'call-not-ringing': 'phone.error.call-not-ringing',
  'hold-not-possible': 'phone.error.hold-not-possible',
  'dtmf-invalid': 'phone.error.dtmf-invalid',
  'dial-not-found': 'phone.error.dial-not-found',
  'dial-colleague-ambiguous': 'phone.error.dial-colleague-ambiguous',
  'dial-colleague-address-invalid': 'phone.error.dial-colleague-address-invalid',
  'transfer-refused': 'phone.error.transfer-refused',
  'refer-target-missing': 'error.refer-target-missing',
  'refer-target-scheme': 'error.refer-target-scheme',
  'refer-target-foreign': 'error.refer-target-foreign',
  'message-empty': 'phone.error.message-empty',
  'message-too-long': 'phone.error.message-too-long',
  'message-unsupported-type': 'error.message-unsupported-type',
  'sms-needs-number': 'phone.error.sms-needs-number',
  'sip-header-missing': 'error.sip-header-missing',
  'sip-header-too-long': 'error.sip-header-too-long',
  'sip-header-control-characters': 'error.sip-header-control-characters',
  'sip-header-empty': 'error.sip-header-empty',
  'sip-header-no-uri': 'error.sip-header-no-uri',
  'sip-header-stray-quote': 'error.sip-header-stray-quote',
  'sip-header-unclosed-quote': 'error.sip-header-unclosed-quote',
  'sip-header-unclosed-angle': 'error.sip-header-unclosed-angle',
  'sip-header-unsupported-scheme': 'error.sip-header-unsupported-scheme',
  'sip-header-no-host': 'error.sip-header-no-host',
  'sip-header-bad-escape': 'error.sip-header-bad-escape',
  'sip-trace-off': 'error.sip-trace-off',
  'presence-not-pidf': 'error.presence-not-pidf',
  'presence-not-dialog-info': 'error.presence-not-dialog-info',
  'presence-too-large': 'error.presence-too-large',
  'presence-malformed': 'error.presence-malformed',
  'presence-doctype-forbidden': 'error.presence-doctype-forbidden',
  'presence-too-deep': 'error.presence-too-deep',
  'link-empty': 'error.link-empty',
  'link-too-long': 'error.link-too-long',
  'link-malformed': 'error.link-malformed',
  'link-unsupported-scheme': 'error.link-unsupported-scheme',
  'link-unsupported-target': 'error.link-unsupported-target',
  'link-invalid-number': 'error.link-invalid-number',
  'args-duplicate-option': 'error.args-duplicate-option',
  'args-profile-missing-value': 'error.args-profile-missing-value',
  'args-for-missing-value': 'error.args-for-missing-value',
  'args-until-missing-value': 'error.args-until-missing-value',
  'args-message-missing-value': 'error.args-message-missing-value',
  'args-profile-required': 'error.args-profile-required',
  'args-profile-unknown': 'error.args-profile-unknown',
  'args-profile-ambiguous': 'error.args-profile-ambiguous',
  'args-for-and-until': 'error.args-for-and-until',
  'args-for-invalid': 'error.args-for-invalid',
  'args-until-invalid': 'error.args-until-invalid',
  'args-until-past': 'error.args-until-past',
  'args-message-invalid': 'error.args-message-invalid',
  'args-message-too-long': 'error.args-message-too-long',
  'working-days-invalid': 'automation.error.working-days-invalid',
  'working-hours-order': 'automation.error.working-hours-order',
  'lunch-order': 'automation.error.lunch-order',
  'lunch-outside-working-hours': 'automation.error.lunch-outside-working-hours',
  'idle-minutes-out-of-range': 'automation.error.idle-minutes-out-of-range',
  'source-empty': 'calendar.addError.source-empty',
  'source-too-long': 'calendar.addError.source-too-long',
  'source-duplicate': 'calendar.addError.source-duplicate',
  'source-limit': 'calendar.addError.source-limit',
  'source-unknown': 'error.source-unknown',
  'url-invalid': 'calendar.addError.url-invalid',
  'url-not-https': 'calendar.addError.url-not-https',
  'url-credentials': 'calendar.addError.url-credentials',
  'path-not-absolute': 'calendar.addError.path-not-absolute',
  'profile-number-unknown': 'error.profile-number-unknown',
  'calendar-activation-past': 'error.calendar-activation-past',
  'calendar-activation-unknown': 'error.calendar-activation-unknown',
  'calendar-skip-unknown': 'error.calendar-skip-unknown',
  'ics-empty': 'calendar.error.ics-empty',
  'ics-not-calendar': 'calendar.error.ics-not-calendar',
  'ics-malformed': 'calendar.error.ics-malformed',
  'ics-too-large': 'calendar.error.ics-too-large',
  'file-not-found': 'calendar.error.file-not-found',
  'file-not-a-file': 'calendar.error.file-not-a-file',
  'file-unreadable': 'calendar.error.file-unreadable',
  'feed-unreachable': 'calendar.error.feed-unreachable',
  'feed-timeout': 'calendar.error.feed-timeout',
  'feed-http-status': 'calendar.error.feed-http-status',
  'feed-not-https': 'calendar.error.feed-not-https',
  'feed-redirect-downgrade': 'calendar.error.feed-redirect-downgrade',
  'feed-redirect-credentials': 'calendar.error.feed-redirect-credentials',
  'feed-redirect-invalid': 'calendar.error.feed-redirect-invalid',
  'feed-redirect-loop': 'calendar.error.feed-redirect-loop',
  'feed-too-many-redirects': 'calendar.error.feed-too-many-redirects',
  'feed-port-blocked': 'calendar.error.feed-port-blocked',
  'feed-address-unspecified': 'calendar.error.feed-address-unspecified',
  'feed-address-mapped': 'calendar.error.feed-address-mapped',
  'feed-address-loopback': 'calendar.error.feed-address-loopback',
  'feed-address-private': 'calendar.error.feed-address-private',
  'feed-address-link-local': 'calendar.error.feed-address-link-local',
  'feed-address-reserved': 'calendar.error.feed-address-reserved',
  'caldav-server-empty': 'calendar.caldavError.caldav-server-empty',
  'caldav-username-empty': 'calendar.caldavError.caldav-username-empty',
  'caldav-username-too-long': 'calendar.caldavError.caldav-username-too-long',
  'caldav-password-empty': 'calendar.caldavError.caldav-password-empty',
  'caldav-password-too-long': 'calendar.caldavError.caldav-password-too-long',
  'caldav-password-missing': 'calendar.error.caldav-password-missing',
  'caldav-auth-failed': 'calendar.error.caldav-auth-failed',
  'caldav-unreachable': 'calendar.error.caldav-unreachable',
  'caldav-not-caldav': 'calendar.error.caldav-not-caldav',
  'caldav-no-calendar': 'calendar.error.caldav-no-calendar',
} as const satisfies Record<ErrorCode, MessageKey>;

/** The limits some texts name; the English `message` carries them already. */
const LIMITS: Partial<Record<ErrorCode, MessageParams>> = {
  'number-out-of-range': { max: PROFILE_NUMBER_MAX },
  'no-answer-out-of-range': { min: NO_ANSWER_SECONDS.min, max: NO_ANSWER_SECONDS.max },
  'name-too-long': { max: TEXT_LIMITS.name },
  'status-message-too-long': { max: TEXT_LIMITS.statusMessage },
  'announcement-too-long': { max: TEXT_LIMITS.announcement },
  'calendar-priority-out-of-range': CALENDAR_PRIORITY,
  'priority-list-full': { max: MAX_PRIORITY_CONTACTS },
};

/** The errno or TLS code a file or network error names in its parentheses, e.g. "(ECONNREFUSED)". */
function reasonOf(language: Language, message: string): string {
  const named = /\(([A-Z][A-Z0-9_]+)\)\s*$/.exec(message)?.[1] ?? '';
  const key = `error.reason.${named}`;
  if (Object.hasOwn(catalogue(language), key)) return translate(language, key as MessageKey);
  if (/CERT|TLS|SSL|SIGNATURE/.test(named)) return translate(language, 'error.reason.certificate');
  return translate(language, 'error.reason.unknown');
}

function formatBytes(bytes: number, language: Language): string {
  const mebibytes = bytes / (1024 * 1024);
  const number = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 });
  return mebibytes >= 1 ? `${number.format(mebibytes)} MB` : `${number.format(bytes / 1024)} kB`;
}

function paramsOf(language: Language, error: AppError): MessageParams {
  const source = error as AppError & Partial<CalendarSourceError>;
  const params: MessageParams = {
    field: error.field ?? translate(language, 'bounds.field.unknown'),
    channel: error.field ?? '',
    detail: reasonOf(language, error.message),
    size: formatBytes(source.maxBytes ?? 0, language),
    seconds: Math.round((source.timeoutMs ?? 0) / 100) / 10,
    count: source.maxRedirects ?? '?',
    status: source.httpStatus ?? '?',
    ...LIMITS[error.code],
  };
  if (isWriteFailure(error)) params.problem = translate(language, `storage.problem.${error.disk}`);
  return params;
}

/**
 * An error in the UI language. A view may word a code its own way: `phone.error.number-empty`
 * ("Skriv ett nummer att ringa") is taken over the editor's text when the prefix is `phone.error.`.
 */
export function errorText(language: Language, error: AppError, ownPrefix?: string): string {
  const own = ownPrefix === undefined ? null : `${ownPrefix}${error.code}`;
  // A code from a newer or older main than this window is not in the list; it still gets words.
  const known: MessageKey = Object.hasOwn(ERROR_TEXTS, error.code) ? ERROR_TEXTS[error.code] : 'error.unknown';
  const key = own !== null && Object.hasOwn(catalogue(language), own) ? (own as MessageKey) : known;
  return translate(language, key, paramsOf(language, error));
}
