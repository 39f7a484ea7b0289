import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../../../src/core/calendar/types';
import { readParseReply, type ParseRequest } from './protocol';
import { parseWorkerScript } from './workerScript';

/**
 * Parses calendars in a worker thread, so the process that answers requests never waits for
 * ical.js. A worker that dies or answers nonsense fails the parses it held with a clear error,
 * and the next parse starts a new one.
 */
export class CalendarParser {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, (result: ParseResult) => void>();

  parse(text: string, maxBytes: number): Promise<ParseResult> {
    const worker = this.#workerOrNew();
    const request: ParseRequest = { id: this.#nextId++, text, maxBytes };
    worker.ref();
    return new Promise((resolve) => {
      this.#pending.set(request.id, resolve);
      worker.postMessage(request);
    });
  }

  dispose(): void {
    const worker = this.#worker;
    this.#worker = null;
    this.#failAll('The calendar reader was closed');
    void worker?.terminate();
  }

  #workerOrNew(): Worker {
    if (this.#worker) return this.#worker;
    const script = parseWorkerScript();
    const worker = new Worker(script.script, { eval: script.eval });
    worker.on('message', (message: unknown) => {
      const reply = readParseReply(message);
      if (!reply) return this.#lose(worker, 'The calendar reader sent an answer that could not be read');
      const resolve = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      // An idle reader must not keep the process alive.
      if (this.#pending.size === 0) worker.unref();
      resolve?.(reply.result);
    });
    worker.on('error', (error) => this.#lose(worker, `The calendar reader stopped (${error.message})`));
    worker.on('exit', (code) => this.#lose(worker, `The calendar reader stopped (exit code ${code})`));
    this.#worker = worker;
    return worker;
  }

  #lose(worker: Worker, message: string): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    void worker.terminate();
    this.#failAll(message);
  }

  #failAll(message: string): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const resolve of pending) resolve({ ok: false, error: { code: 'ics-malformed', message } });
  }
}
