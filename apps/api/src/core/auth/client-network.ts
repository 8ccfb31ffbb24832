import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a caller is counted by: an IPv4 address as is, IPv6 by its /64 (one customer line
 * or host gets a whole /64, so counting single IPv6 addresses would let it rotate freely).
 */
export function clientNetwork(ip: string | undefined | null): string {
  const address = (ip ?? '').trim();
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : null;
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return address || 'unknown';
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros (`::` and a dotted tail expanded). */
function ipv6Groups(address: string): string[] {
  const bare = (address.split('%')[0] ?? '').toLowerCase();
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, null];
  const parse = (part: string | null | undefined): string[] =>
    part
      ? part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [g];
          const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        })
      : [];
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === null ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
