// A V8 CPU profile (node --cpu-prof) summarised by who spent the time: our code, each package,
// Node's internals, garbage collection, idle. Self time only, so the shares add up to 100 %.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function ownerOf(url, functionName) {
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('dist/apps/api')) return 'switchboard (our code)';
  return 'other';
}

/** Shares (0–1) of the profile's samples per owner, largest first; the newest profile in `dir`. */
export function summariseCpuProfile(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return [];
  const profile = JSON.parse(readFileSync(join(dir, files.sort().at(-1)), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byOwner = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const { url, functionName } = nodes.get(id).callFrame;
    const owner = ownerOf(url, functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + dt);
    total += dt;
  });
  return [...byOwner]
    .map(([owner, t]) => ({ owner, share: t / total }))
    .sort((a, b) => b.share - a.share);
}

/** The largest `n` owners as one line: "writev (system call) 31 %, node internals 15 %, …". */
export function profileLine(shares, n = 12) {
  return shares
    .slice(0, n)
    .map((s) => `${s.owner} ${(s.share * 100).toFixed(1)} %`)
    .join(', ');
}
