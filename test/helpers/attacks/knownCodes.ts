/**
 * Every error code a request or a parser may answer with. An attack that gets any other code, or
 * `request-failed` (a handler threw), has found a fault.
 */
export const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set([
  // The contract and the bounds.
  'invalid-payload', 'out-of-bounds', 'control-characters', 'unknown-channel', 'channel-answers-later',
  // Profiles and activation.
  'profile-not-found', 'profile-number-unknown', 'unknown-profile-number', 'length-not-positive', 'length-too-long', 'until-in-past',
  'message-too-long', 'name-empty', 'name-duplicate', 'name-too-long', 'number-out-of-range', 'number-base-fixed', 'number-duplicate',
  'status-message-too-long', 'announcement-empty', 'announcement-too-long', 'calendar-priority-out-of-range', 'caller-id-not-owned',
  'no-answer-out-of-range', 'forward-number-invalid', 'not-a-whole-number', 'time-invalid', 'delete-base', 'delete-active', 'settings-invalid',
  // Account, numbers, provisioning.
  'number-empty', 'number-invalid', 'number-invalid-characters', 'sip-server-invalid', 'sip-server-not-websocket', 'sip-uri-invalid',
  'sip-address-invalid', 'colleague-name-empty', 'colleague-uri-invalid', 'voicemail-invalid', 'provisioning-invalid', 'provisioning-unknown-setting', 'provisioning-not-json', 'timezone-invalid',
  'password-encryption-failed', 'priority-colleague-unknown',
  // History, recordings, notices, trace, speech.
  'recording-not-base64', 'recording-unknown', 'recording-not-open', 'recording-chunk-odd', 'recording-in-progress', 'recording-not-allowed',
  'recording-offset-invalid', 'recording-unreadable', 'recording-retention-invalid', 'notice-unknown', 'sip-trace-off',
  'speech-no-engine', 'speech-engine-failed', 'speech-timeout', 'speech-text-too-long', 'speech-text-empty',
  // Calendar sources.
  'source-unknown', 'source-duplicate', 'source-empty', 'source-limit', 'source-too-long', 'path-not-absolute', 'file-not-found',
  'file-not-a-file', 'file-unreadable', 'url-invalid', 'url-not-https', 'url-credentials', 'calendar-activation-unknown',
  'calendar-activation-past', 'calendar-skip-unknown',
  // A calendar file handed over by its content must parse as a calendar.
  'ics-not-calendar', 'ics-malformed', 'ics-empty',
  // The OS file dialog, which only Electron has.
  'file-dialog-unavailable',
  // CalDAV sources: the form, then what the server (or the feed rules on the way to it) answered.
  'caldav-server-empty', 'caldav-username-empty', 'caldav-username-too-long', 'caldav-password-empty', 'caldav-password-too-long',
  'caldav-auth-failed', 'caldav-unreachable', 'caldav-not-caldav', 'caldav-no-calendar', 'feed-timeout', 'feed-not-https', 'feed-port-blocked',
  'feed-redirect-downgrade', 'feed-redirect-credentials', 'feed-redirect-invalid', 'feed-redirect-loop', 'feed-too-many-redirects',
  'feed-address-unspecified', 'feed-address-mapped', 'feed-address-loopback', 'feed-address-private', 'feed-address-link-local',
  'feed-address-reserved', 'ics-too-large',
  // Working hours and the automatic sources.
  'working-hours-order', 'working-days-invalid', 'lunch-order', 'lunch-outside-working-hours', 'idle-minutes-out-of-range',
  // Launch arguments and links.
  'args-duplicate-option', 'args-for-and-until', 'args-for-invalid', 'args-message-invalid', 'args-message-too-long', 'args-profile-ambiguous',
  'args-profile-required', 'args-profile-unknown', 'args-until-invalid', 'args-until-past', 'args-profile-missing-value',
  'args-for-missing-value', 'args-until-missing-value', 'args-message-missing-value', 'link-local', 'link-empty', 'link-invalid-number',
  'link-malformed', 'link-too-long', 'link-unsupported-scheme', 'link-unsupported-target',
  // The disk.
  'settings-write-failed', 'password-write-failed', 'history-write-failed', 'recording-write-failed', 'calendar-cache-write-failed',
]);
