// The fan-out raw floor: plain `pg` and a plain socket.io server and nothing else. `POST /emit`
// commits one row (as the webhook commits the message) and then broadcasts one event to every
// socket of `/operators` with one `emit`; `/widget` only holds idle sockets. Run as its own
// process, like the API, so its RSS can be read.
import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
await pool.query(`CREATE TABLE IF NOT EXISTS raw_fanout (
  id bigserial PRIMARY KEY, body text, created_at timestamptz DEFAULT now())`);

const http = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    try {
      const { text } = JSON.parse(body);
      const { rows } = await pool.query(
        'INSERT INTO raw_fanout (body) VALUES ($1) RETURNING id, created_at',
        [text],
      );
      // About the size of Switchboard's message.created event.
      operators.emit('stream.event', {
        cursor: Number(rows[0].id),
        type: 'message.created',
        conversationId: '00000000-0000-4000-8000-000000000000',
        at: rows[0].created_at,
        payload: { message: { id: '00000000-0000-4000-8000-000000000001', text } },
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"stored":1}');
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
});
const io = new Server(http, { cors: { origin: true } });
const operators = io.of('/operators');
io.of('/widget');
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', async () => {
  io.close();
  await pool.end();
  process.exit(0);
});
