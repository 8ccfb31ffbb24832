// The API's runtime flags, the same for every launcher (`npm start`, the benches; the Dockerfile
// states them in its CMD). A young generation of 64 MiB per semi-space instead of V8's 16 MiB:
// each request allocates short-lived objects (parsed bodies, query rows, event payloads), and a
// small nursery promotes many of them to the old generation before they die. Measured in
// docs/benchmarks.md ("A larger young generation"): a fifth less API CPU per message.
export const API_NODE_ARGS = ['--max-semi-space-size=64'];

/** The API's flags, then BENCH_API_NODE_ARGS (an A/B or a profile; a later flag wins). */
export function apiNodeArgs() {
  return [...API_NODE_ARGS, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
}
