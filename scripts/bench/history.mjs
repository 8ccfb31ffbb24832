// The inbound bench's run history in docs/benchmarks.md: one row per run, so a regression shows.
const START = '<!-- bench-history:start -->';
const END = '<!-- bench-history:end -->';
const HEADER = [
  '| Date | Commit | Machine | PostgreSQL | Saturation (raw floor) | Ratio | p99 at 500 msg/s |',
  '| --- | --- | --- | --- | ---: | ---: | ---: |',
];

/** The rows kept in `doc` (markdown table lines without the header). */
export function historyRows(doc) {
  const at = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (at < 0 || end < at) return [];
  return doc
    .slice(at + START.length, end)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !/^\| (Date|-)/.test(l) && !l.startsWith('| ---'));
}

/** The section with `rows` (newest last), at most `keep` of them. */
export function historyTable(rows, keep = 30) {
  return [START, '', ...HEADER, ...rows.slice(-keep), '', END].join('\n');
}
