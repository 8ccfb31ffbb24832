import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './private-address';

/**
 * Where channels may connect to on an inbox's behalf: an outbound webhook URL or a mail server
 * is typed in by an admin, so without this an account could make the server call its own
 * loopback, the cloud metadata service or the office network (SSRF).
 *
 * One policy per process, like the TLS defaults: the API sets it once at start from
 * ALLOW_PRIVATE_NETWORK_TARGETS (false unless a developer or a test opts in). A library used
 * outside the API keeps the permissive default.
 */
export interface OutboundNetworkPolicy {
  allowPrivateTargets: boolean;
}

const policy: OutboundNetworkPolicy = { allowPrivateTargets: true };

export function configureOutboundNetwork(next: OutboundNetworkPolicy): void {
  policy.allowPrivateTargets = next.allowPrivateTargets;
}

/** A target refused because it is (or resolves to) a loopback, private or link-local address. */
export class PrivateNetworkTargetError extends Error {
  readonly code = 'EPRIVATETARGET';

  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host}${stripBrackets(host) === address ? ' is' : ` resolves to ${address}, which is`} a loopback, private or link-local address; connecting there is not allowed (ALLOW_PRIVATE_NETWORK_TARGETS)`,
    );
    this.name = 'PrivateNetworkTargetError';
  }
}

/** A name that does not resolve at all (checked when a target is saved). */
export class UnresolvableTargetError extends Error {
  readonly code = 'ENOTFOUND';

  constructor(readonly host: string) {
    super(`${host} does not resolve to any address`);
    this.name = 'UnresolvableTargetError';
  }
}

type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

/** Throws PrivateNetworkTargetError when the policy refuses this address for this host. */
export function assertAllowedAddress(host: string, address: string): void {
  if (!policy.allowPrivateTargets && isPrivateAddress(address))
    throw new PrivateNetworkTargetError(host, address);
}

/**
 * Checks a host before it is saved: an IP literal directly, a name by resolving it now (every
 * address it has, so a name with one public and one private address is refused too). The same
 * check runs again on every connection (`guardedLookup`), where it matters against DNS rebinding.
 */
export async function assertAllowedHost(host: string, resolve: Resolver = systemResolver) {
  // Nothing to refuse, and no reason to depend on DNS while saving (development, tests).
  if (policy.allowPrivateTargets) return;
  const literal = stripBrackets(host);
  if (isIP(literal)) return assertAllowedAddress(host, literal);
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(literal);
  } catch (err) {
    // A name that does not exist cannot be shown to be public. A DNS hiccup is let through: the
    // connection checks again.
    if ((err as { code?: unknown }).code === 'ENOTFOUND') throw new UnresolvableTargetError(host);
    return;
  }
  for (const a of addresses) assertAllowedAddress(host, a.address);
}

/**
 * A `lookup` for net.connect, tls.connect and http.request: resolves the name and refuses the
 * connection when any address is private, so the address checked is the address connected to
 * (a name that answered "public" when saved and "127.0.0.1" now is still refused). IP literals
 * never reach a lookup: check them with `assertAllowedAddress` before connecting.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    const all = (options as LookupAllOptions).all === true;
    const family = typeof options.family === 'number' ? options.family : 0;
    resolve(hostname)
      .then((found) => {
        for (const a of found) assertAllowedAddress(hostname, a.address);
        const usable = family ? found.filter((a) => a.family === family) : found;
        const [first] = usable;
        if (!first)
          throw Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' });
        if (all) (callback as (e: null, a: LookupAddress[]) => void)(null, usable);
        else callback(null, first.address, first.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}

function stripBrackets(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}
