import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** What the feed answers with next; switch it with `serve` to break or mend the feed. */
export type FeedBehaviour =
  | { kind: 'ics'; body: string; etag?: string; lastModified?: string }
  | { kind: 'status'; status: number }
  /** Any body with 200, e.g. a login page or half a calendar. */
  | { kind: 'body'; body: string | Buffer; contentType: string }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** 200 and `bytes` of filler, streamed; with `declareLength` the size is announced up front. */
  | { kind: 'stream'; bytes: number; declareLength: boolean }
  /** A redirect; `locations` maps a request path to its Location, and any other path is served `otherwise`. */
  | { kind: 'redirect'; status: number; locations: Record<string, string>; otherwise: FeedBehaviour };

export interface FeedRequest {
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  status: number | null;
}

export interface IcsFeedServer {
  /** http://127.0.0.1:<port>/kalender.ics (or the host given to start) */
  url: string;
  port: number;
  requests: FeedRequest[];
  /** Bytes of filler written for the last `stream` answer before the client went away. */
  streamedBytes: number;
  serve(behaviour: FeedBehaviour): void;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'X');

/** A real HTTP (or HTTPS) server on loopback serving one ICS feed, with ETag / Last-Modified and faults on demand. */
export interface FeedServerOptions {
  /** Where to listen; 127.0.0.1 unless a test needs [::1]. */
  host?: string;
  /** Serves https with this key and certificate instead of http. */
  tls?: { key: string; cert: string };
}

export async function startIcsFeedServer(initial: FeedBehaviour, options: FeedServerOptions = {}): Promise<IcsFeedServer> {
  const host = options.host ?? '127.0.0.1';
  let behaviour = initial;
  const feed: IcsFeedServer = {
    url: '',
    port: 0,
    requests: [],
    streamedBytes: 0,
    serve: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const record: FeedRequest = {
      path: request.url ?? '',
      ifNoneMatch: request.headers['if-none-match'] ?? null,
      ifModifiedSince: request.headers['if-modified-since'] ?? null,
      status: null,
    };
    feed.requests.push(record);
    const send = (status: number, headers: Record<string, string>, body?: string | Buffer) => {
      record.status = status;
      response.writeHead(status, headers).end(body);
    };
    let current = behaviour;
    while (current.kind === 'redirect') {
      const location = current.locations[record.path];
      if (location !== undefined) {
        send(current.status, { location });
        return;
      }
      current = current.otherwise;
    }
    switch (current.kind) {
      case 'ics': {
        const { body, etag, lastModified } = current;
        const validators: Record<string, string> = {};
        if (etag) validators.etag = etag;
        if (lastModified) validators['last-modified'] = lastModified;
        const unchanged = (etag && record.ifNoneMatch === etag) || (!etag && lastModified && record.ifModifiedSince === lastModified);
        if (unchanged) send(304, validators);
        else send(200, { 'content-type': 'text/calendar; charset=utf-8', ...validators }, body);
        return;
      }
      case 'status':
        send(current.status, { 'content-type': 'text/plain' }, `status ${current.status}`);
        return;
      case 'body':
        send(200, { 'content-type': current.contentType }, current.body);
        return;
      case 'hang':
        return;
      case 'stream':
        streamFiller(response, current.bytes, current.declareLength, record, feed);
        return;
    }
  };

  const server = options.tls ? createHttpsServer(options.tls, answer) : createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  feed.port = (server.address() as AddressInfo).port;
  feed.url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${feed.port}/kalender.ics`;
  return feed;
}

function streamFiller(response: ServerResponse, bytes: number, declareLength: boolean, record: FeedRequest, feed: IcsFeedServer): void {
  record.status = 200;
  feed.streamedBytes = 0;
  response.writeHead(200, { 'content-type': 'text/calendar', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
  const writeMore = () => {
    while (feed.streamedBytes < bytes && !response.destroyed) {
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, bytes - feed.streamedBytes));
      feed.streamedBytes += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', writeMore);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  writeMore();
}
