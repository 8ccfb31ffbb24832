import { BlockList, isIP } from 'node:net';

/**
 * IPv4 ranges that are not the public internet: this host, the private networks, carrier NAT,
 * link-local (where cloud metadata services live), documentation, benchmarking, multicast and
 * the reserved rest. RFC 6890 and the IANA special-purpose registry.
 */
const IPV4_SPECIAL: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/** The IPv6 equivalents. IPv4-mapped addresses (::ffff:a.b.c.d) are checked against the IPv4 list. */
const IPV6_SPECIAL: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

/** IPv6 prefixes that embed an IPv4 address right after them: NAT64 (/96) and 6to4 (/16). */
const IPV4_EMBEDDING: Array<[(v4hex: string) => string, number]> = [
  [(v4) => `64:ff9b::${v4}`, 96],
  [(v4) => `2002:${v4}::`, 16],
];

const special = buildList();

function buildList(): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of IPV4_SPECIAL) {
    list.addSubnet(net, prefix, 'ipv4');
    for (const [embed, offset] of IPV4_EMBEDDING)
      list.addSubnet(embed(v4hex(net)), offset + prefix, 'ipv6');
  }
  for (const [net, prefix] of IPV6_SPECIAL) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

/** `10.0.0.0` → `a00:0`: an IPv4 address as the two last groups of an IPv6 one. */
function v4hex(ip: string): string {
  const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * Whether an IP address (v4 or v6, brackets allowed) is anything but a public internet address.
 * Anything that is not an IP address at all counts as private: callers resolve names first.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(ip);
  if (family === 4) return special.check(ip, 'ipv4');
  if (family === 6) return special.check(ip.replace(/%.*$/, ''), 'ipv6');
  return true;
}
