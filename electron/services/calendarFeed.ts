import { isLoopbackHost } from '../../src/core/calendar/sources';
import type { CalendarSourceError } from '../../src/core/calendar/view';
import type { Scheduler } from './scheduler';

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

class TooLarge extends Error {}

function failed(error: CalendarSourceError): ReadOutcome {
  return { kind: 'failed', error };
}

function tooLarge(maxBytes: number): ReadOutcome {
  return failed({ code: 'ics-too-large', message: `The feed is larger than ${maxBytes} bytes`, maxBytes });
}

/**
 * Fetches an ICS feed with Node's fetch. The timeout covers the whole exchange, body included, and
 * runs on the injected scheduler; the body is streamed and abandoned as soon as it passes maxBytes.
 */
export async function fetchFeed(request: FeedRequest): Promise<ReadOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimeout = request.scheduler.schedule(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const abortOnShutdown = () => controller.abort();
  request.signal?.addEventListener('abort', abortOnShutdown, { once: true });
  try {
    const response = await fetch(request.url, { headers: conditionalHeaders(request), signal: controller.signal, redirect: 'follow' });
    if (response.url && !allowedUrl(response.url)) {
      controller.abort();
      return failed({ code: 'feed-not-https', message: `The feed redirected to an address that is not https: ${new URL(response.url).origin}` });
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'unchanged' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return failed({ code: 'feed-http-status', message: `The server answered ${status}`, httpStatus: response.status });
    }
    if (Number(response.headers.get('content-length') ?? 0) > request.maxBytes) {
      controller.abort();
      return tooLarge(request.maxBytes);
    }
    const text = await readLimited(response, request.maxBytes, controller);
    return { kind: 'fresh', text, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  } catch (error) {
    if (error instanceof TooLarge) return tooLarge(request.maxBytes);
    if (timedOut) {
      return failed({ code: 'feed-timeout', message: `The server did not answer within ${request.timeoutMs} ms`, timeoutMs: request.timeoutMs });
    }
    return failed({ code: 'feed-unreachable', message: `The server could not be reached (${networkReason(error)})` });
  } finally {
    cancelTimeout();
    request.signal?.removeEventListener('abort', abortOnShutdown);
  }
}

function conditionalHeaders(request: FeedRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

function allowedUrl(href: string): boolean {
  const url = new URL(href);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

async function readLimited(response: Response, maxBytes: number, controller: AbortController): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return decoderFor(response.headers.get('content-type')).decode(Buffer.concat(chunks));
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

/** undici hides the system error (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
