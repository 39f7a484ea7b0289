// The speech service with the real espeak-ng, writing real files in a temp directory.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SPOKEN_CHARACTERS } from '../../../src/core/phone/speech';
import { espeakNg, speechEngineFor, type SpeechEngine } from '../../../electron/services/speechEngines';
import { SpeechService, type Spawn } from '../../../electron/services/speechService';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();

/** The real spawn, counting the runs of each program. */
function countingSpawn() {
  const runs: string[] = [];
  const counted: Spawn = (program, args, options) => {
    runs.push(program);
    return spawn(program, args, options);
  };
  return { runs, spawn: counted, renders: () => runs.filter((program, index) => program === 'espeak-ng' && index > 0).length };
}

/** Seconds of audio in a PCM WAV: data bytes over the byte rate in its header. */
function wavSeconds(wav: Buffer): number {
  const byteRate = wav.readUInt32LE(28);
  const dataAt = wav.indexOf('data', 12, 'latin1');
  return wav.readUInt32LE(dataAt + 4) / byteRate;
}

// espeak-ng takes a moment when the machine is busy.
describe('SpeechService with espeak-ng', { timeout: 30_000 }, () => {
  it('finds espeak-ng on Linux', async () => {
    expect(speechEngineFor('linux')).toBe(espeakNg);
    expect(await new SpeechService({ directory: newDir(), engine: espeakNg }).status()).toEqual({ engine: 'espeak-ng' });
  });

  it('speaks Swedish and English into WAV files kept in its directory', async () => {
    const directory = join(newDir(), 'speech');
    const service = new SpeechService({ directory, engine: espeakNg });
    const swedish = await service.render({ text: 'Jag sitter i möte till 14:30.', language: 'sv' });
    const english = await service.render({ text: "I'm in a meeting until 2:30 pm.", language: 'en' });
    if (!swedish.ok || !english.ok) throw new Error('speech failed');
    expect(swedish.value.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wavSeconds(swedish.value)).toBeGreaterThan(1.5);
    expect(wavSeconds(english.value)).toBeGreaterThan(1.5);
    const files = readdirSync(directory);
    expect(files).toHaveLength(2);
    expect(files.every((name) => /^[0-9a-f]{40}\.wav$/.test(name))).toBe(true);
    expect(files.map((name) => readFileSync(join(directory, name)).equals(swedish.value)).filter(Boolean)).toHaveLength(1);
  });

  it('renders a text once per voice: the second request is read from the cache without running the engine', async () => {
    const directory = newDir();
    const counter = countingSpawn();
    const service = new SpeechService({ directory, engine: espeakNg, spawn: counter.spawn });
    const first = await service.render({ text: 'Jag är på lunch till 13:00.', language: 'sv' });
    const [file] = readdirSync(directory);
    const writtenAt = statSync(join(directory, file!)).mtimeMs;
    const again = await service.render({ text: 'Jag är på lunch till 13:00.', language: 'sv' });
    expect(counter.runs).toEqual(['espeak-ng', 'espeak-ng']);
    expect(again).toEqual(first);
    expect(statSync(join(directory, file!)).mtimeMs).toBe(writtenAt);

    await service.render({ text: 'Jag är på lunch till 13:00.', language: 'en' });
    expect(counter.renders()).toBe(2);
    expect(readdirSync(directory)).toHaveLength(2);
  });

  it('renders once when the same text is asked for twice at the same time', async () => {
    const counter = countingSpawn();
    const service = new SpeechService({ directory: newDir(), engine: espeakNg, spawn: counter.spawn });
    const [a, b] = await Promise.all([
      service.render({ text: 'Samtidigt.', language: 'sv' }),
      service.render({ text: 'Samtidigt.', language: 'sv' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(counter.renders()).toBe(1);
  });

  it('keeps only the newest texts', async () => {
    const directory = newDir();
    const service = new SpeechService({ directory, engine: espeakNg, maxCachedFiles: 2 });
    for (const text of ['Ett.', 'Två.', 'Tre.']) expect((await service.render({ text, language: 'sv' })).ok).toBe(true);
    expect(readdirSync(directory)).toHaveLength(2);
  });
});

describe('SpeechService refusals', { timeout: 30_000 }, () => {
  it('refuses a text that is too long, runs nothing and writes nothing', async () => {
    const directory = join(newDir(), 'speech');
    const counter = countingSpawn();
    const service = new SpeechService({ directory, engine: espeakNg, spawn: counter.spawn });
    const result = await service.render({ text: 'a'.repeat(MAX_SPOKEN_CHARACTERS + 1), language: 'sv' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'speech-text-too-long',
        field: 'text',
        message: `A spoken text may be at most ${MAX_SPOKEN_CHARACTERS} characters, not ${MAX_SPOKEN_CHARACTERS + 1}.`,
      },
    });
    expect(counter.runs).toEqual([]);
    expect(existsSync(directory)).toBe(false);
  });

  it('refuses an empty text', async () => {
    const result = await new SpeechService({ directory: newDir(), engine: espeakNg }).render({ text: '  ', language: 'sv' });
    expect(result).toMatchObject({ ok: false, error: { code: 'speech-text-empty' } });
  });

  it('says so when the engine is not installed, and writes nothing', async () => {
    const directory = join(newDir(), 'speech');
    const missing: SpeechEngine = { ...espeakNg, probe: { program: 'espeak-ng-that-is-not-installed', args: ['--version'] } };
    const service = new SpeechService({ directory, engine: missing });
    expect(await service.status()).toEqual({ engine: null });
    expect(await service.render({ text: 'Hej.', language: 'sv' })).toEqual({
      ok: false,
      error: { code: 'speech-no-engine', message: 'This computer has no speech engine the app can use (espeak-ng is not installed).' },
    });
    expect(existsSync(directory)).toBe(false);
  });

  it('says so when the app knows no engine for the operating system', async () => {
    const service = new SpeechService({ directory: newDir(), engine: speechEngineFor('aix') });
    expect(await service.status()).toEqual({ engine: null });
    expect(await service.render({ text: 'Hej.', language: 'sv' })).toMatchObject({ ok: false, error: { code: 'speech-no-engine' } });
  });

  it('reports an engine that fails, with its own words, and leaves no file behind', async () => {
    const directory = newDir();
    const noSuchVoice: SpeechEngine = {
      ...espeakNg,
      render: (text, _language, outFile) => ({
        program: 'espeak-ng',
        args: ['-v', 'zz-none', '-w', outFile, '--stdin'],
        stdin: text,
        env: {},
      }),
    };
    const result = await new SpeechService({ directory, engine: noSuchVoice }).render({ text: 'Hej.', language: 'sv' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'speech-engine-failed', message: 'espeak-ng failed (exit 1): Error: The specified espeak-ng voice does not exist.' },
    });
    expect(readdirSync(directory)).toEqual([]);
  });

  // `sleep` stands in for an engine that hangs: espeak-ng never does on a short text.
  it('stops an engine that takes longer than the timeout, and leaves no file behind', async () => {
    const directory = newDir();
    const hanging: SpeechEngine = { ...espeakNg, render: () => ({ program: 'sleep', args: ['5'], stdin: null, env: {} }) };
    const result = await new SpeechService({ directory, engine: hanging, timeoutMs: 300 }).render({ text: 'Hej.', language: 'sv' });
    expect(result).toEqual({ ok: false, error: { code: 'speech-timeout', message: 'espeak-ng did not finish within 300 ms.' } });
    expect(readdirSync(directory)).toEqual([]);
  });
});

describe('speech over the IPC contract', { timeout: 30_000 }, () => {
  it('answers speech:status and speech:render with a WAV written under the data directory', async () => {
    const dir = newDir();
    const { services } = openTestApp(dir);
    expect(await services.request('speech:status', null)).toEqual({ ok: true, value: { engine: 'espeak-ng' } });
    const rendered = await services.request('speech:render', { text: 'Jag sitter i möte.', language: 'sv' });
    if (!rendered.ok) throw new Error(rendered.error.message);
    const wav = Buffer.from((rendered.value as { wavBase64: string }).wavBase64, 'base64');
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(readdirSync(join(dir, 'speech'))).toHaveLength(1);
  });

  it('refuses a bad payload before anything runs, and the text limit with its own code', async () => {
    const dir = newDir();
    const { services } = openTestApp(dir);
    expect(await services.request('speech:render', { text: 'Hej', language: 'de' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', field: 'language' },
    });
    expect(await services.request('speech:render', { text: 'Hej', language: 'sv', voice: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await services.request('speech:render', { text: 'a'.repeat(MAX_SPOKEN_CHARACTERS + 1), language: 'sv' })).toMatchObject({
      ok: false,
      error: { code: 'speech-text-too-long' },
    });
    expect(existsSync(join(dir, 'speech'))).toBe(false);
  });

  it('refuses a speech request on the synchronous path, which cannot wait for the engine', () => {
    const { services } = openTestApp(newDir());
    expect(services.invoke('speech:status', null)).toMatchObject({ ok: false, error: { code: 'channel-answers-later' } });
  });
});
