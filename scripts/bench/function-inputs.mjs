// What the benches that call the ingest SQL functions directly (group-commit, index-cost) feed
// them: an API inbox on a fresh bench API, and the function's input for message `i` of a run.

/** Creates an API inbox; returns a `pg` pool on the bench's database and an input builder. */
export async function functionInputs(bench, pg, { poolSize }) {
  const inbox = await (
    await fetch(`${bench.base}/api/inboxes`, {
      method: 'POST',
      headers: bench.auth,
      body: JSON.stringify({
        kind: 'api',
        name: 'Bench',
        secrets: { signingSecret: 'bench-signing-secret-0123456789' },
      }),
    })
  ).json();
  const accountId = (
    await bench.db.query('SELECT account_id FROM inboxes WHERE id = $1', [inbox.id])
  ).rows[0].account_id;
  // The API stays up but idle; its own connections do nothing during the runs.
  const { user, password, host, port, database } = bench.db.connectionParameters;
  const pool = new pg.Pool({
    user,
    password,
    host,
    port,
    database,
    max: poolSize,
    idleTimeoutMillis: 0,
  });
  const input = (tag, i) => ({
    accountId,
    inboxId: inbox.id,
    channel: 'api',
    // 500 customers: each writes several times, the first messages open conversations.
    sender: { externalId: `${tag}-customer-${i % 500}` },
    externalId: `${tag}-${bench.stamp}-${i}`,
    text: `Hello, a question about my order number ${i}`,
    html: null,
    subject: null,
    attachments: [],
    preview: `Hello, a question about my order number ${i}`,
  });
  return { pool, input };
}
