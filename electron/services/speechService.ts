import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src/core/errors';
import { MAX_SPOKEN_CHARACTERS, type SpeechRequest, type SpeechStatus } from '../../src/core/phone/speech';
import type { SpeechEngine } from './speechEngines';

export type Spawn = (program: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface SpeechServiceOptions {
  /** Where rendered speech is kept, e.g. `<dataDir>/speech`. */
  directory: string;
  /** This computer's engine; null where the app knows none. */
  engine: SpeechEngine | null;
  timeoutMs?: number;
  /** How many rendered texts are kept; the oldest go first. */
  maxCachedFiles?: number;
  spawn?: Spawn;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_CACHED = 200;
const MAX_ERROR_OUTPUT = 300;
const WAV_HEADER_BYTES = 44;

interface Finished {
  code: number | null;
  stderr: string;
  timedOut: boolean;
  notFound: boolean;
}

/**
 * Speech made by the computer's own engine, run as a separate program. Each text and voice is
 * rendered once into a WAV file under `directory` (written under a temporary name, then renamed),
 * and read from there after.
 */
export class SpeechService {
  readonly #spawn: Spawn;
  readonly #timeoutMs: number;
  readonly #maxCached: number;
  readonly #inFlight = new Map<string, Promise<Result<Buffer>>>();
  #available: Promise<boolean> | null = null;
  #temporaryCounter = 0;

  constructor(private readonly options: SpeechServiceOptions) {
    this.#spawn = options.spawn ?? spawnProcess;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxCached = options.maxCachedFiles ?? DEFAULT_MAX_CACHED;
  }

  async status(): Promise<SpeechStatus> {
    const engine = this.options.engine;
    return { engine: engine && (await this.#engineInstalled(engine)) ? engine.name : null };
  }

  /** The text spoken in `language` as WAV bytes; a refusal writes nothing. */
  async render(request: SpeechRequest): Promise<Result<Buffer>> {
    const text = request.text.replace(/\s+/g, ' ').trim();
    if (text === '') return fail('speech-text-empty', 'There is no text to speak.', 'text');
    if (text.length > MAX_SPOKEN_CHARACTERS) {
      return fail('speech-text-too-long', `A spoken text may be at most ${MAX_SPOKEN_CHARACTERS} characters, not ${text.length}.`, 'text');
    }
    const engine = this.options.engine;
    if (!engine || !(await this.#engineInstalled(engine))) {
      return fail(
        'speech-no-engine',
        `This computer has no speech engine the app can use${engine ? ` (${engine.name} is not installed)` : ''}.`,
      );
    }
    const key = createHash('sha256')
      .update(`${engine.name}\0${engine.voice(request.language)}\0${text}`)
      .digest('hex')
      .slice(0, 40);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const rendering = this.#cachedOrRendered(engine, key, { ...request, text }).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, rendering);
    return rendering;
  }

  async #cachedOrRendered(engine: SpeechEngine, key: string, request: SpeechRequest): Promise<Result<Buffer>> {
    const file = join(this.options.directory, `${key}.wav`);
    try {
      return ok(await readFile(file));
    } catch {
      // Not rendered yet.
    }
    await mkdir(this.options.directory, { recursive: true });
    const temporary = join(this.options.directory, `${key}.${process.pid}-${++this.#temporaryCounter}.tmp.wav`);
    const run = engine.render(request.text, request.language, temporary);
    const finished = await this.#run(run.program, run.args, run.stdin, run.env);
    const refused = this.#refusal(engine, finished);
    if (refused) {
      await rm(temporary, { force: true });
      return refused;
    }
    const wav = await readFile(temporary).catch(() => null);
    if (!wav || wav.length <= WAV_HEADER_BYTES || wav.toString('latin1', 0, 4) !== 'RIFF') {
      await rm(temporary, { force: true });
      return fail('speech-engine-failed', `${engine.name} wrote no sound.`);
    }
    await rename(temporary, file);
    await this.#prune();
    return ok(wav);
  }

  #refusal(engine: SpeechEngine, finished: Finished): Result<Buffer> | null {
    if (finished.notFound) {
      this.#available = Promise.resolve(false);
      return fail('speech-no-engine', `${engine.name} is not installed.`);
    }
    if (finished.timedOut) return fail('speech-timeout', `${engine.name} did not finish within ${this.#timeoutMs} ms.`);
    if (finished.code !== 0) {
      const output = finished.stderr.trim().slice(0, MAX_ERROR_OUTPUT);
      return fail('speech-engine-failed', `${engine.name} failed (exit ${String(finished.code)})${output ? `: ${output}` : '.'}`);
    }
    return null;
  }

  #engineInstalled(engine: SpeechEngine): Promise<boolean> {
    this.#available ??= this.#run(engine.probe.program, engine.probe.args, null, {}).then(
      (finished) => !finished.notFound && finished.code === 0,
    );
    return this.#available;
  }

  #run(program: string, args: readonly string[], stdin: string | null, env: Record<string, string>): Promise<Finished> {
    return new Promise((resolve) => {
      let stderr = '';
      let timedOut = false;
      let settled = false;
      const settle = (finished: Omit<Finished, 'stderr' | 'timedOut'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...finished, stderr, timedOut });
      };
      let child: ChildProcess;
      try {
        child = this.#spawn(program, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
      } catch {
        resolve({ code: null, stderr: '', timedOut: false, notFound: true });
        return;
      }
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, this.#timeoutMs);
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < MAX_ERROR_OUTPUT) stderr += chunk.toString('utf8');
      });
      child.on('error', (error: NodeJS.ErrnoException) => settle({ code: null, notFound: error.code === 'ENOENT' }));
      child.on('close', (code) => settle({ code, notFound: false }));
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(stdin ?? '');
    });
  }

  /** Keeps the cache to `maxCachedFiles`, oldest first out; each end time makes a new text. */
  async #prune(): Promise<void> {
    const names = (await readdir(this.options.directory)).filter((name) => name.endsWith('.wav') && !name.endsWith('.tmp.wav'));
    if (names.length <= this.#maxCached) return;
    const aged = await Promise.all(
      names.map(async (name) => ({ name, mtime: (await stat(join(this.options.directory, name)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    aged.sort((a, b) => a.mtime - b.mtime);
    await Promise.all(
      aged.slice(0, aged.length - this.#maxCached).map(({ name }) => rm(join(this.options.directory, name), { force: true })),
    );
  }
}
