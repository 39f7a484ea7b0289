import { classifyAddress, type AddressClass } from './feedAddress';
import { isLoopbackHost } from './sources';
import type { CalendarSourceError } from './view';

/** Feeds that move are followed this many times; Outlook and Google publish addresses that redirect once or twice. */
export const MAX_FEED_REDIRECTS = 5;

/**
 * The ports the Fetch standard never lets a browser reach ("bad ports"), SIP's among them:
 * a feed address that points at one is aimed at another kind of server.
 */
const BLOCKED_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Where a request is about to go: the feed the user added, and the hop that redirected here (null for the first). */
export interface FeedHop {
  feed: URL;
  previous: URL | null;
}

function refusal(code: CalendarSourceError['code'], message: string): CalendarSourceError {
  return { code, message };
}

const CLASS_REFUSALS: Record<Exclude<AddressClass, 'public' | 'loopback'>, CalendarSourceError['code']> = {
  unspecified: 'feed-address-unspecified',
  mapped: 'feed-address-mapped',
  private: 'feed-address-private',
  'link-local': 'feed-address-link-local',
  reserved: 'feed-address-reserved',
};

/**
 * Whether an address of this class may be asked. This computer only for a feed the user added on
 * it, and there only at that feed's own origin: otherwise any feed could send the app to a local
 * service. Private and link-local networks never: a feed is published on the internet.
 */
function refusalOfClass(addressClass: AddressClass, url: URL, hop: FeedHop, shown: string): CalendarSourceError | null {
  if (addressClass === 'public') {
    return url.protocol === 'https:' ? null : refusal('feed-not-https', `The feed led to ${url.origin}, which is not https`);
  }
  if (addressClass === 'loopback') {
    const allowed = isLoopbackHost(hop.feed.hostname) && (hop.previous === null || url.origin === hop.feed.origin);
    return allowed ? null : refusal('feed-address-loopback', `The feed led to ${shown}, an address on this computer`);
  }
  return refusal(CLASS_REFUSALS[addressClass], `The feed led to ${shown}, which is not a public address (${addressClass})`);
}

/** Checks a hop's address as written, before anything is looked up or connected to. */
export function refusalOfUrl(url: URL, hop: FeedHop): CalendarSourceError | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refusal('feed-not-https', `The feed led to a ${url.protocol} address, not https`);
  if (url.username !== '' || url.password !== '')
    return refusal('feed-redirect-credentials', 'The feed led to an address with a user name or password');
  if (hop.previous?.protocol === 'https:' && url.protocol === 'http:') {
    return refusal('feed-redirect-downgrade', `The feed redirected from https to plain http (${url.origin})`);
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (BLOCKED_PORTS.has(port)) return refusal('feed-port-blocked', `The feed led to port ${port}, which is not for web servers`);
  const literal = classifyAddress(url.hostname);
  if (literal) return refusalOfClass(literal, url, hop, url.hostname);
  if (isLoopbackHost(url.hostname)) return refusalOfClass('loopback', url, hop, url.hostname);
  return url.protocol === 'https:' ? null : refusal('feed-not-https', `The feed led to ${url.origin}, which is not https`);
}

/** Checks an address a hop's host name resolved to, before connecting to it. */
export function refusalOfResolvedAddress(address: string, url: URL, hop: FeedHop): CalendarSourceError | null {
  return refusalOfClass(classifyAddress(address) ?? 'reserved', url, hop, `${url.hostname} (${address})`);
}
