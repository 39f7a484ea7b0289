import { parentPort } from 'node:worker_threads';
import { parseIcs } from '../../../src/core/calendar/parse';
import { ParseRequestSchema, type ParseReply } from './protocol';

/** Runs in a worker thread: ical.js parsing takes hundreds of milliseconds on a busy calendar. */
parentPort?.on('message', (message: unknown) => {
  const request = ParseRequestSchema.safeParse(message);
  if (!request.success) return;
  const { id, text, maxBytes } = request.data;
  let reply: ParseReply;
  try {
    reply = { id, result: parseIcs(text, { maxBytes }) };
  } catch (error) {
    reply = { id, result: { ok: false, error: { code: 'ics-malformed', message: `The calendar could not be read: ${String(error)}` } } };
  }
  parentPort?.postMessage(reply);
});
