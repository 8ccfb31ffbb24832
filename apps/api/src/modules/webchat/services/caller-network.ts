import { clientNetwork } from '../../../core/auth/client-network';

/** Express's compiled `trust proxy` setting: is the hop at `addr` (i hops away) a proxy we trust? */
export type TrustProxy = (addr: string, i: number) => boolean;

/**
 * The client address behind trusted proxies, as Express computes `req.ip`: walk X-Forwarded-For
 * from the nearest hop outwards and stop at the first address we do not trust. Sockets have no
 * `req.ip`, so the widget gateway uses this with the app's own `trust proxy` setting.
 */
export function forwardedClientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = [
    remoteAddress ?? '',
    ...header
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h.length > 0)
      .reverse(),
  ];
  for (let i = 0; i < hops.length - 1; i++) {
    if (!trust(hops[i], i)) return hops[i];
  }
  return hops[hops.length - 1];
}

/**
 * The network a widget caller is limited by: an IPv4 address, or an IPv6 /64 (valid `inet`
 * either way). A caller without a readable address shares one bucket with every other such caller.
 */
export function callerNetwork(ip: string | undefined): string {
  const network = clientNetwork(ip);
  return network === 'unknown' ? '0.0.0.0' : network;
}
