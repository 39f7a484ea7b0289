import electronLog from 'electron-log/node';
import { join } from 'node:path';
import { redactLogText } from '../../src/core/logging/redact';

export const LOG_FILE_MAX_BYTES = 2 * 1024 * 1024;
/** One SIP message can be long (an INVITE's SDP); anything longer than this is cut. */
export const MAX_LOG_LINE_LENGTH = 20_000;

/** The app's log: a file under `logs/` in the data directory, rotated at a size, with every line redacted. */
export interface AppLog {
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** JsSIP's debug lines, as the renderer forwarded them. */
  sipTrace(lines: readonly string[]): void;
}

export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', 'profiltelefon.log');
}

/** `hidden` names the secrets of the moment (password, token, meeting titles); it is asked once per write. */
export function openAppLog(dataDir: string, hidden: () => Iterable<string>): AppLog {
  const file = logFilePath(dataDir);
  const logger = electronLog.create({ logId: `profiltelefon:${file}` });
  logger.transports.console.level = false;
  logger.transports.file.level = 'silly';
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = LOG_FILE_MAX_BYTES;
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{scope} {text}';
  const clean = (text: string, secrets: Iterable<string>) => {
    const redacted = redactLogText(text, secrets);
    return redacted.length > MAX_LOG_LINE_LENGTH ? `${redacted.slice(0, MAX_LOG_LINE_LENGTH)}… (${redacted.length} characters)` : redacted;
  };
  const sip = logger.scope('sip');
  return {
    file,
    info: (message) => logger.info(clean(message, hidden())),
    warn: (message) => logger.warn(clean(message, hidden())),
    error: (message) => logger.error(clean(message, hidden())),
    sipTrace(lines) {
      const secrets = [...hidden()];
      for (const line of lines) sip.debug(clean(line, secrets));
    },
  };
}
