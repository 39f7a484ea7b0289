import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadSettingsFile } from '../../../electron/services/settingsFile';
import { applyProvisioning, parseProvisioning, ProvisioningSchema } from '../../../src/core/account/provisioning';
import { parseAutomationArgs } from '../../../src/core/automation/args';
import { findCallLinkInArgv, parseCallLink } from '../../../src/core/links/callLink';
import { parseDialogInfo, parsePresence } from '../../../src/core/presence/parse';
import { buildDialogInfo } from '../../../src/core/presence/dialogInfo';
import { buildPidf, type CallState } from '../../../src/core/presence/pidf';
import { defaultSettings, SettingsSchema } from '../../../src/core/settings/schema';
import { buildTrayModel } from '../../../src/core/tray/menuModel';
import { KNOWN_ERROR_CODES } from './knownCodes';
import { arbitraryFor } from './fromSchema';
import type { Outcome } from './ipcAttacks';
import { attacksOn, hostileValue, TEN_MB_STRING } from './mutate';

/** One parser, what to feed it, and how to judge what it gave back. */
export interface ParserTarget<T = unknown> {
  name: string;
  input: fc.Arbitrary<T>;
  run: (input: T) => Outcome;
}

/** A target whose input type is its own business, so that targets of all kinds go in one list. */
export type AnyParserTarget = ParserTarget<unknown>;
const erased = <T>(target: ParserTarget<T>): AnyParserTarget => target as unknown as AnyParserTarget;

const NOW = Date.UTC(2026, 10, 23, 8);
const PARSER_CODES = new Set([
  ...KNOWN_ERROR_CODES,
  'presence-too-large',
  'presence-malformed',
  'presence-doctype-forbidden',
  'presence-too-deep',
  'presence-not-pidf',
  'presence-not-dialog-info',
]);

/** A Result judged: ok, a known code, or a fault. */
function judge(result: { ok: boolean; error?: { code: string; message: string } }): Outcome {
  if (result.ok) return { kind: 'ok' };
  const { code, message } = result.error ?? { code: '(none)', message: '' };
  if (!PARSER_CODES.has(code)) return { kind: 'broken', problem: `unknown error code "${code.slice(0, 60)}"` };
  if (message.length > 600) return { kind: 'broken', problem: `${code}: a message of ${message.length} characters echoes its input` };
  return { kind: 'error', code };
}

/** Text broken the ways a wire or a file breaks it: cut, spliced with hostile text, or repeated. */
function brokenText(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const splice = fc
    .tuple(
      valid,
      fc.nat(),
      fc.oneof(
        fc.constantFrom(
          '\u0000',
          '\u0007',
          '\r\n',
          '<',
          '>',
          '&',
          '"',
          ']]>',
          '<!DOCTYPE x [<!ENTITY a "b">]>',
          '&a;',
          '<__proto__>',
          '<constructor/>',
          '%',
          '\ud800',
        ),
        fc.string({ maxLength: 12, unit: 'binary' }),
      ),
    )
    .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)));
  const cut = fc.tuple(valid, fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1)));
  const nested = fc.integer({ min: 10, max: 20_000 }).map((depth) => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: splice },
    { weight: 1, arbitrary: cut },
    { weight: 1, arbitrary: nested },
    { weight: 1, arbitrary: fc.constant(TEN_MB_STRING) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
  );
}

const callState = fc.constantFrom<CallState>(
  { kind: 'idle' },
  { kind: 'ringing', direction: 'incoming' },
  { kind: 'ringing', direction: 'outgoing' },
  { kind: 'busy' },
);
const pidfText = fc
  .record({
    name: fc.string({ maxLength: 30 }),
    message: fc.string({ maxLength: 80 }),
    number: fc.integer({ min: 1, max: 999 }),
    until: fc.option(fc.integer({ min: NOW, max: NOW + 1e10 }), { nil: null }),
    state: callState,
    language: fc.constantFrom('sv' as const, 'en' as const),
  })
  .map((input) =>
    buildPidf({
      entity: 'sip:alice@127.0.0.1',
      profile: { id: 'lunch', name: input.name, number: input.number, status: 'available' },
      message: input.message,
      until: input.until,
      callState: input.state,
      language: input.language,
      timeZone: 'Europe/Stockholm',
      timestamp: NOW,
    }),
  );
const publishedDialog = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  state: fc.constantFrom('trying' as const, 'early' as const, 'confirmed' as const, 'terminated' as const),
  direction: fc.constantFrom('initiator' as const, 'recipient' as const),
});
const dialogInfoText = fc
  .record({ version: fc.nat(), dialogs: fc.array(publishedDialog, { maxLength: 4 }) })
  .map((input) => buildDialogInfo({ entity: 'sip:alice@127.0.0.1', ...input }));

const presenceTarget: ParserTarget<string> = { name: 'pidf', input: brokenText(pidfText), run: (xml) => judge(parsePresence(xml)) };
const dialogInfoTarget: ParserTarget<string> = {
  name: 'dialog-info',
  input: brokenText(dialogInfoText),
  run: (xml) => judge(parseDialogInfo(xml)),
};

/** A provisioning file: its schema's documents, broken, as JSON text; one that parses is applied to default settings. */
const provisioningTarget: ParserTarget<string> = {
  name: 'provisioning',
  input: fc.oneof(
    { weight: 4, arbitrary: attacksOn(arbitraryFor(ProvisioningSchema)).map((document) => safeStringify(document)) },
    { weight: 1, arbitrary: brokenText(fc.constant('{"account":{"voicemail":"8800"}}')) },
  ),
  run: (text) => {
    const parsed = parseProvisioning(text);
    if (!parsed.ok) return judge(parsed);
    const applied = applyProvisioning(defaultSettings(NOW), parsed.value);
    if (applied.ok && !SettingsSchema.safeParse(applied.value.settings).success)
      return { kind: 'broken', problem: 'provisioning gave settings the schema refuses' };
    return judge(applied);
  },
};

const LINKS = [
  'tel:+46701234567',
  'tel:070-123%2045%2067',
  'sip:bob@example.com',
  'sips:bob@example.com;transport=tls',
  'callto:+46812345678',
  'tel:8800;phone-context=example.com',
  'sip:+46701234567@example.com?subject=hi',
];
const callLinkTarget: ParserTarget<string> = {
  name: 'call-link',
  input: brokenText(fc.constantFrom(...LINKS)),
  run: (link) => judge(parseCallLink(link)),
};

const PROFILES = [
  { id: 'available', number: 1, name: 'Tillgänglig' },
  { id: 'lunch', number: 4, name: 'Lunch' },
  { id: 'meeting', number: 3, name: 'Möte' },
];
const ARGUMENTS = [
  '/usr/bin/profiltelefon',
  '--profile',
  'lunch',
  '4',
  'Lunch',
  '--for',
  '30',
  '45m',
  '--until',
  '14:30',
  '--message',
  'Tillbaka snart',
  '--profile=3',
  '--for=1e308',
  'tel:+46701234567',
  'sip:bob@example.com',
  '--',
];
const argvArbitrary = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ARGUMENTS) },
    { weight: 2, arbitrary: brokenText(fc.constantFrom(...ARGUMENTS)) },
    { weight: 1, arbitrary: hostileValue.filter((value): value is string => typeof value === 'string') },
  ),
  { maxLength: 8 },
);
const cliTarget: ParserTarget<string[]> = {
  name: 'cli-arguments',
  input: argvArbitrary,
  run: (argv) => {
    const command = parseAutomationArgs(argv, PROFILES, NOW);
    if (!command.ok) return judge(command);
    const link = findCallLinkInArgv(argv);
    return link === null ? { kind: 'ok' } : judge(parseCallLink(link));
  },
};

/** A settings file: a real one, broken as a document or as text. Whatever it holds, the app must start with settings it can show. */
export function settingsFileTarget(): AnyParserTarget & { dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'profiltelefon-settings-attack-'));
  const path = join(dir, 'settings.json');
  const valid = defaultSettings(NOW);
  return {
    ...erased<string>({
      name: 'settings-file',
      input: fc.oneof(
        { weight: 4, arbitrary: attacksOn(fc.constant(valid)).map((document) => safeStringify(document)) },
        { weight: 1, arbitrary: brokenText(fc.constant(JSON.stringify(valid))) },
      ),
      run: (text) => {
        writeFileSync(path, text);
        const loaded = loadSettingsFile(path, NOW);
        if (!SettingsSchema.safeParse(loaded.settings).success)
          return { kind: 'broken', problem: 'the loaded settings break their own schema' };
        buildTrayModel(loaded.settings, NOW, 'Europe/Stockholm', 'registered');
        if (loaded.recovered === null) return { kind: 'ok' };
        return { kind: 'error', code: loaded.recovered.kind };
      },
    }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** JSON of a mutated value; NaN and Infinity become null as JSON makes them, a value too deep for JSON becomes its error. */
function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return '[[[[';
  }
}

export const PARSER_TARGETS: AnyParserTarget[] = [
  erased(presenceTarget),
  erased(dialogInfoTarget),
  erased(provisioningTarget),
  erased(callLinkTarget),
  erased(cliTarget),
];
