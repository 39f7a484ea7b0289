import { describe, expect, it } from 'vitest';
import { PresencePublication, type PublishRequest, type PublishResponse } from '../../../src/core/presence/publication';
import { ManualClock } from '../../helpers/manualClock';

/**
 * A stand-in for the PBX's presence server, keeping RFC 3903's rules: new entity tags per
 * accepted request, 412 for an unknown SIP-If-Match, 423 below its minimum expiry.
 */
class PublishServerStandIn {
  readonly received: PublishRequest[] = [];
  document: string | null = null;
  minExpires = 0;
  #tags = 0;
  #live = new Set<string>();

  forgetEverything(): void {
    this.#live.clear();
  }

  async handle(request: PublishRequest): Promise<PublishResponse> {
    this.received.push(request);
    const reply = (status: number, etag: string | null = null, minExpires: number | null = null): PublishResponse => ({
      status,
      etag,
      expires: status === 200 ? request.expires : null,
      minExpires,
    });
    if (request.etag !== null && !this.#live.has(request.etag)) return reply(412);
    if (request.expires !== 0 && request.expires < this.minExpires) return reply(423, null, this.minExpires);
    if (request.etag !== null) this.#live.delete(request.etag);
    if (request.expires === 0) {
      this.document = null;
      return reply(200);
    }
    if (request.body !== null) this.document = request.body;
    const etag = `e${++this.#tags}`;
    this.#live.add(etag);
    return reply(200, etag);
  }
}

function setUp(requestedExpires = 3600) {
  const server = new PublishServerStandIn();
  const clock = new ManualClock(0);
  const publication = new PresencePublication((request) => server.handle(request), clock, requestedExpires);
  return { server, clock, publication };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('a presence publication', () => {
  it('creates, then modifies with SIP-If-Match', async () => {
    const { server, publication } = setUp();
    await publication.publish('<a/>');
    await publication.publish('<b/>');
    expect(server.received.map((request) => [request.etag, request.body])).toEqual([
      [null, '<a/>'],
      ['e1', '<b/>'],
    ]);
    expect(server.document).toBe('<b/>');
    expect(publication.state).toBe('published');
  });

  it('refreshes before it expires, without a body', async () => {
    const { server, clock, publication } = setUp(600);
    await publication.publish('<a/>');
    clock.advance(600 * 1000 * 0.85);
    await flush();
    expect(server.received.at(-1)).toEqual({ etag: 'e1', expires: 600, body: null });
    expect(server.document).toBe('<a/>');
  });

  it('starts over after 412, when the server has forgotten it', async () => {
    const { server, publication } = setUp();
    await publication.publish('<a/>');
    server.forgetEverything();
    await publication.publish('<b/>');
    expect(server.received.slice(1).map((request) => [request.etag, request.body])).toEqual([
      ['e1', '<b/>'],
      [null, '<b/>'],
    ]);
    expect(server.document).toBe('<b/>');
  });

  it('takes the Min-Expires of a 423 and tries again', async () => {
    const { server, publication } = setUp(60);
    server.minExpires = 300;
    await publication.publish('<a/>');
    expect(server.received.map((request) => request.expires)).toEqual([60, 300]);
    expect(publication.state).toBe('published');
  });

  it('removes itself with Expires: 0, and stops refreshing', async () => {
    const { server, clock, publication } = setUp(600);
    await publication.publish('<a/>');
    await publication.unpublish();
    expect(server.received.at(-1)).toEqual({ etag: 'e1', expires: 0, body: null });
    expect(server.document).toBeNull();
    clock.advance(3_600_000);
    await flush();
    expect(server.received).toHaveLength(2);
  });

  it('sends its removal at once when the page leaves, ahead of anything queued, and refreshes no more', async () => {
    const { server, clock, publication } = setUp(300);
    await publication.publish('<a/>');
    void publication.publish('<b/>');
    publication.leave();
    expect(server.received.at(-1)).toEqual({ etag: 'e1', expires: 0, body: null });
    expect(server.document).toBeNull();
    clock.advance(3_600_000);
    await flush();
    expect(server.received).toHaveLength(2);
    expect(server.document).toBeNull();
  });

  it('has nothing to remove when the page leaves before the first answer', () => {
    const { server, publication } = setUp(300);
    publication.leave();
    expect(server.received).toEqual([]);
  });

  it('sends requests one at a time, in order', async () => {
    const { server, publication } = setUp();
    await Promise.all([publication.publish('<1/>'), publication.publish('<2/>'), publication.publish('<3/>')]);
    expect(server.received.map((request) => request.body)).toEqual(['<1/>', '<2/>', '<3/>']);
    expect(server.document).toBe('<3/>');
  });

  it('reports failure for a refusal it cannot mend', async () => {
    const publication = new PresencePublication(
      async () => ({ status: 403, etag: null, expires: null, minExpires: null }),
      new ManualClock(0),
      300,
    );
    await publication.publish('<a/>');
    expect([publication.state, publication.lastStatus]).toEqual(['failed', 403]);
  });
});
