// CPU time of the processes in a run, read from /proc (Linux): where the cores went during a phase.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function stat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: the reaped children's time, so a PostgreSQL backend
    // that exits between two readings still counts (in its postmaster's figure).
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0);
    return { ppid: Number(f[1]), seconds: ticks / TICKS_PER_SECOND };
  } catch {
    return null; // gone
  }
}

function childrenOf(ppid) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => stat(p)?.ppid === ppid);
}

/** The PostgreSQL server's processes: the embedded one's postmaster and children, else every `postgres`. */
export function postgresPids(dataDir) {
  if (dataDir) {
    const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    return [postmaster, ...childrenOf(postmaster)];
  }
  try {
    return execFileSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU seconds so far of the server under test, PostgreSQL and this (load generating) process.
 */
export function cpuReading({ serverPid, dataDir }) {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    server: stat(serverPid)?.seconds ?? 0,
    postgres: postgresPids(dataDir).reduce((sum, p) => sum + (stat(p)?.seconds ?? 0), 0),
    load: (usage.user + usage.system) / 1e6,
  };
}

/** Milliseconds of CPU per message for each process between two readings. */
export function cpuPerMessage(before, after, messages) {
  const per = (k) => ((after[k] - before[k]) * 1000) / messages;
  return { server: per('server'), postgres: per('postgres'), load: per('load') };
}
