/**
 * What kind of machine an IP address names, for deciding whether a feed may be fetched from it.
 * Written out here rather than taken from `node:net` so the rule stays in the pure core.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  /** 0.0.0.0/8 and `::`: "this host", which reaches the machine itself. */
  | 'unspecified'
  /** An IPv4 address written as IPv6 (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d). */
  | 'mapped'
  /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7. */
  | 'private'
  /** 169.254/16 (cloud metadata services live here), fe80::/10. */
  | 'link-local'
  /** Multicast, broadcast and the ranges set aside for no host: 224/4, 240/4, ff00::/8. */
  | 'reserved';

function ipv4Octets(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function classifyIpv4([a = 0, b = 0]: number[]): AddressClass {
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224) return 'reserved';
  return 'public';
}

/** `::ffff:1.2.3.4` as `::ffff:102:304`; null when the dotted part is not an IPv4 address. */
function withHexTail(text: string): string | null {
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (!tail.includes('.')) return text;
  const octets = ipv4Octets(tail);
  if (!octets) return null;
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  return `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function hexGroups(half: string): number[] | null {
  if (half === '') return [];
  const groups = half.split(':');
  return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) ? groups.map((group) => parseInt(group, 16)) : null;
}

/** The eight 16-bit groups of an IPv6 address, or null when the text is not one. */
function ipv6Groups(text: string): number[] | null {
  const hex = withHexTail(text);
  const halves = hex?.split('::') ?? [];
  if (halves.length < 1 || halves.length > 2) return null;
  const head = hexGroups(halves[0] ?? '');
  const rest = hexGroups(halves[1] ?? '');
  if (!head || !rest) return null;
  const written = head.length + rest.length;
  if (halves.length === 1) return written === 8 ? head : null;
  if (written > 7) return null;
  return [...head, ...new Array<number>(8 - written).fill(0), ...rest];
}

function classifyIpv6(groups: number[]): AddressClass {
  const [first = 0] = groups;
  const zerosBefore = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (groups.every((group) => group === 0)) return 'unspecified';
  if (zerosBefore(7) && groups[7] === 1) return 'loopback';
  if ((zerosBefore(5) && groups[5] === 0xffff) || zerosBefore(6)) return 'mapped';
  if (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) return 'mapped';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xff00) === 0xff00) return 'reserved';
  return 'public';
}

/** The class of an IP address (IPv6 with or without brackets), or null when the text is a name, not an address. */
export function classifyAddress(text: string): AddressClass | null {
  const address = text.replace(/^\[|\]$/g, '');
  const octets = ipv4Octets(address);
  if (octets) return classifyIpv4(octets);
  if (!address.includes(':')) return null;
  const groups = ipv6Groups(address);
  return groups ? classifyIpv6(groups) : 'reserved';
}
