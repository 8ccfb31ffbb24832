// The raw floor: the same work as Switchboard's inbound path with nothing but node:http, a plain
// pg INSERT and a plain socket.io emit. Run as its own process, like the API.
import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS raw_messages (
  id bigserial PRIMARY KEY, external_id text UNIQUE, sender text, body text, created_at timestamptz DEFAULT now())`);

const http = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    try {
      const msg = JSON.parse(body).messages[0];
      const { rows } = await pool.query(
        'INSERT INTO raw_messages (external_id, sender, body) VALUES ($1, $2, $3) RETURNING id, created_at',
        [msg.id, msg.from.id, msg.text],
      );
      io.emit('stream.event', {
        type: 'message.created',
        payload: { message: { text: msg.text, id: rows[0].id } },
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"stored":1}');
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
});
const io = new Server(http, { cors: { origin: true } });
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', async () => {
  io.close();
  await pool.end();
  process.exit(0);
});
