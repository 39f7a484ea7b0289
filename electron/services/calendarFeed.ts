import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { TextDecoder } from 'node:util';
import { MAX_FEED_REDIRECTS, refusalOfResolvedAddress, refusalOfUrl, type FeedHop } from '../../src/core/calendar/feedPolicy';
import type { CalendarSourceError } from '../../src/core/calendar/view';
import type { Scheduler } from '../../src/core/time/clock';

export interface FeedRequest {
  url: string;
  /** From the last good copy: sent as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  timeoutMs: number;
  maxBytes: number;
  scheduler: Scheduler;
  /** Aborts the request when the app shuts down. */
  signal?: AbortSignal;
}

export type ReadOutcome =
  | { kind: 'fresh'; text: string; etag: string | null; lastModified: string | null }
  | { kind: 'unchanged' }
  | { kind: 'failed'; error: CalendarSourceError };

export class TooLarge extends Error {}

function failed(error: CalendarSourceError): ReadOutcome {
  return { kind: 'failed', error };
}

function tooLarge(maxBytes: number): ReadOutcome {
  return failed({ code: 'ics-too-large', message: `The feed is larger than ${maxBytes} bytes`, maxBytes });
}

/**
 * Fetches an ICS feed. Redirects are followed by hand, and every hop is checked before it is
 * asked: its scheme, port and address as written, then every address its host name resolves to;
 * the connection then goes to the address that was checked, so a second DNS answer cannot move
 * it. The timeout covers the whole exchange, body included, and runs on the injected scheduler;
 * the body is streamed and abandoned as soon as it passes maxBytes.
 */
export function fetchFeed(request: FeedRequest): Promise<ReadOutcome> {
  return underDeadline(request, async (signal, timedOut) => {
    try {
      const response = await followRedirects(request, signal);
      if ('error' in response) return failed(response.error);
      return await outcomeOf(response, request.maxBytes);
    } catch (error) {
      if (error instanceof TooLarge) return tooLarge(request.maxBytes);
      if (timedOut()) return failed(timeoutError(request.timeoutMs));
      return failed({ code: 'feed-unreachable', message: `The server could not be reached (${networkReason(error)})` });
    }
  });
}

export interface Deadline {
  timeoutMs: number;
  scheduler: Scheduler;
  /** Aborts the exchange when the app shuts down. */
  signal?: AbortSignal | undefined;
}

/** Runs an exchange under one timeout on the injected scheduler, and aborts it on shutdown too. */
export async function underDeadline<T>(deadline: Deadline, run: (signal: AbortSignal, timedOut: () => boolean) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimeout = deadline.scheduler.schedule(() => {
    timedOut = true;
    controller.abort();
  }, deadline.timeoutMs);
  const abortOnShutdown = () => controller.abort();
  deadline.signal?.addEventListener('abort', abortOnShutdown, { once: true });
  try {
    return await run(controller.signal, () => timedOut);
  } finally {
    cancelTimeout();
    deadline.signal?.removeEventListener('abort', abortOnShutdown);
  }
}

export function timeoutError(timeoutMs: number): CalendarSourceError {
  return { code: 'feed-timeout', message: `The server did not answer within ${timeoutMs} ms`, timeoutMs };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

async function followRedirects(request: FeedRequest, signal: AbortSignal): Promise<IncomingMessage | { error: CalendarSourceError }> {
  const feed = new URL(request.url);
  return checkedRequest(
    { origin: feed, url: feed, request: { method: 'GET', headers: conditionalHeaders(request) }, followRedirects: true },
    signal,
  );
}

export interface CheckedRequest {
  /** The address the user gave: what a hop on this computer must match. */
  origin: URL;
  url: URL;
  request: OutgoingRequest;
  /** false hands a redirect back to the caller, as fetch's `redirect: 'manual'` does. */
  followRedirects: boolean;
}

/**
 * Sends a request after checking its address, and follows its redirects by hand, checking each
 * hop the same way. A request to anywhere but the user's own address counts as a hop from it,
 * since only a server's answer could have led there. A redirect to another origin drops the
 * Authorization header; a 303 turns the request into a GET.
 */
export async function checkedRequest(
  checked: CheckedRequest,
  signal: AbortSignal,
): Promise<IncomingMessage | { error: CalendarSourceError }> {
  const { origin } = checked;
  const asked = new Set<string>();
  let request = checked.request;
  let url = checked.url;
  let hop: FeedHop = { feed: origin, previous: url.href === origin.href ? null : origin };
  for (let redirects = 0; ; redirects += 1) {
    const refused = refusalOfUrl(url, hop);
    if (refused) return { error: refused };
    const address = await checkedAddress(url, hop, signal);
    if ('error' in address) return address;
    asked.add(url.href);
    const response = await send(url, address, request, signal);
    if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || !checked.followRedirects) return response;
    response.destroy();

    const next = redirectTarget(response.headers.location, url);
    if (!next)
      return { error: { code: 'feed-redirect-invalid', message: `The server answered ${response.statusCode} without a valid Location` } };
    if (asked.has(next.href))
      return { error: { code: 'feed-redirect-loop', message: `The feed redirects in a loop (back to ${next.origin})` } };
    if (redirects >= MAX_FEED_REDIRECTS) {
      return {
        error: {
          code: 'feed-too-many-redirects',
          message: `The feed redirected more than ${MAX_FEED_REDIRECTS} times`,
          maxRedirects: MAX_FEED_REDIRECTS,
        },
      };
    }
    request = redirectedRequest(request, response.statusCode ?? 0, next.origin === url.origin);
    hop = { feed: origin, previous: url };
    url = next;
  }
}

function redirectedRequest(request: OutgoingRequest, status: number, sameOrigin: boolean): OutgoingRequest {
  const headers = sameOrigin
    ? request.headers
    : Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  return status === 303 ? { method: 'GET', headers } : { ...request, headers };
}

function redirectTarget(location: string | undefined, base: URL): URL | null {
  if (!location) return null;
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}

interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/** The address to connect to: the literal in the URL, or the first a name resolves to once every one has passed. */
async function checkedAddress(url: URL, hop: FeedHop, signal: AbortSignal): Promise<CheckedAddress | { error: CalendarSourceError }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literalFamily = isIP(host);
  if (literalFamily === 4 || literalFamily === 6) return { address: host, family: literalFamily };
  const resolved = await untilAborted(lookup(host, { all: true, verbatim: true }), signal);
  for (const { address } of resolved) {
    const refused = refusalOfResolvedAddress(address, url, hop);
    if (refused) return { error: refused };
  }
  const [first] = resolved;
  if (!first) throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A DNS look-up cannot be cancelled; the exchange stops waiting for it instead. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Resolves the host name to the address already checked, whatever the resolver would say now. */
function pinnedLookup({ address, family }: CheckedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

export interface OutgoingRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** One request to the address already checked; redirects are the caller's to check and follow. */
function send(url: URL, address: CheckedAddress, request: OutgoingRequest, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      { method: request.method, headers: request.headers, signal, lookup: pinnedLookup(address) },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

async function outcomeOf(response: IncomingMessage, maxBytes: number): Promise<ReadOutcome> {
  const status = response.statusCode ?? 0;
  if (status === 304) {
    response.destroy();
    return { kind: 'unchanged' };
  }
  if (status < 200 || status > 299) {
    response.destroy();
    const text = `${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
    return failed({ code: 'feed-http-status', message: `The server answered ${text}`, httpStatus: status });
  }
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    return tooLarge(maxBytes);
  }
  const text = await readLimited(response, maxBytes);
  return { kind: 'fresh', text, etag: headerOf(response, 'etag'), lastModified: headerOf(response, 'last-modified') };
}

function headerOf(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' ? value : null;
}

function conditionalHeaders(request: FeedRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

export async function readLimited(response: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.destroy();
      throw new TooLarge();
    }
    chunks.push(chunk);
  }
  return decoderFor(headerOf(response, 'content-type')).decode(Buffer.concat(chunks));
}

/** ICS is UTF-8 by default (RFC 5545 §3.1.4), but some servers still send another charset and say so. */
function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset="?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** The system error (ECONNREFUSED, ENOTFOUND…), which some layers hide in `cause`. */
export function networkReason(error: unknown): string {
  const own = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (typeof own === 'string' && own !== 'ABORT_ERR') return own;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
