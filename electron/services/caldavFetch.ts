import type { CalendarSourceError } from '../../src/core/calendar/view';
import { checkedRequest, readLimited } from './calendarFeed';

/** A request the feed policy refused (a hop off the server's origin, a downgrade, a private address…). */
export class RequestRefused extends Error {
  constructor(readonly sourceError: CalendarSourceError) {
    super(sourceError.message);
  }
}

export interface CheckedFetch {
  fetch: typeof globalThis.fetch;
  /** The status of the last answer, to tell a refused login (401, 403) from a server that is no CalDAV server. */
  lastStatus(): number | null;
  /** The first request refused, which the library may have caught and worked around. */
  refusal(): CalendarSourceError | null;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for the CalDAV library that goes through the same checks as an ICS feed: each hop's
 * scheme, port and addresses before it is asked, the connection pinned to the address checked,
 * redirects followed by hand, and every answer read up to `maxBytes`.
 */
export function checkedFetch(server: URL, signal: AbortSignal, maxBytes: number): CheckedFetch {
  let lastStatus: number | null = null;
  let refusal: CalendarSourceError | null = null;
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') throw new TypeError('Only text bodies are sent');
    const request = {
      method: (init.method ?? 'GET').toUpperCase(),
      headers,
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
    };
    const response = await checkedRequest({ origin: server, url, request, followRedirects: init.redirect !== 'manual' }, signal);
    if ('error' in response) {
      refusal ??= response.error;
      throw new RequestRefused(response.error);
    }
    const status = response.statusCode ?? 0;
    lastStatus = status;
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) answerHeaders.append(name, one);
    }
    if (NULL_BODY_STATUSES.has(status)) {
      response.destroy();
      return new Response(null, { status, statusText: response.statusMessage ?? '', headers: answerHeaders });
    }
    const text = await readLimited(response, maxBytes);
    return new Response(text, { status, statusText: response.statusMessage ?? '', headers: answerHeaders });
  };
  return { fetch: fetch as typeof globalThis.fetch, lastStatus: () => lastStatus, refusal: () => refusal };
}
