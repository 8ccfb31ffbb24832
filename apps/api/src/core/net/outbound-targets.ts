import type { ChannelKind } from '@switchboard/contracts';

/** A host the server will connect to on an inbox's behalf, and the setting that names it. */
export interface OutboundTarget {
  setting: string;
  host: string;
}

type Settings = Record<string, unknown>;

const hostOfUrl = (url: unknown): string | null => {
  if (typeof url !== 'string' || !url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null; // the adapter's own schema explains a malformed URL
  }
};

const hostOf = (server: unknown): string | null => {
  const host = (server as { host?: unknown } | null | undefined)?.host;
  return typeof host === 'string' && host ? host : null;
};

/**
 * Where each channel kind connects out, read from its settings. A new channel that connects to
 * an address an admin types in adds one line here, and saving it is checked like the others.
 */
const TARGETS: Partial<Record<ChannelKind, (s: Settings) => Array<[string, string | null]>>> = {
  api: (s) => [['settings.outboundUrl', hostOfUrl(s['outboundUrl'])]],
  email: (s) => [
    ['settings.imap.host', hostOf(s['imap'])],
    ['settings.smtp.host', hostOf(s['smtp'])],
  ],
};

export function outboundTargets(kind: ChannelKind, settings: Settings): OutboundTarget[] {
  return (TARGETS[kind]?.(settings) ?? [])
    .filter((t): t is [string, string] => t[1] !== null)
    .map(([setting, host]) => ({ setting, host }));
}
