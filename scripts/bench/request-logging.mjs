#!/usr/bin/env node
// The API's request logging alone (pino-http at LOG_LEVEL=warn, as in the benches): CPU per
// request with the API's options (apps/api/src/core/logging/logger-options.ts: pino-http's
// default, which binds the serialised request to a child logger up front) against quiet loggers
// that serialise the request only into a written line. No HTTP, no Nest: real IncomingMessage and
// ServerResponse objects with a webhook's headers go through the middleware, rounds alternate,
// and each side's CPU time is read from process.cpuUsage. Run: node scripts/bench/request-logging.mjs
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const common = {
  redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  genReqId: (req, res) => {
    const id = randomUUID();
    res.setHeader('x-request-id', id);
    return id;
  },
  autoLogging: { ignore: (req) => req.url === '/api/health' },
  customLogLevel: (_req, res, err) =>
    err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
};
const sides = {
  api: common,
  quiet: {
    ...common,
    quietReqLogger: true,
    quietResLogger: true,
    customSuccessObject: (req, _res, line) => ({ req, ...line }),
    customErrorObject: (req, _res, _err, line) => ({ req, ...line }),
  },
};
const destination = pino.destination({ dest: '/dev/null', sync: true });
const middleware = Object.fromEntries(
  Object.entries(sides).map(([name, options]) => [
    name,
    pinoHttp({ ...options, logger: pino({ level: 'warn' }, destination) }),
  ]),
);

const socket = new Socket();
function request() {
  const req = new IncomingMessage(socket);
  req.method = 'POST';
  req.url = '/api/channels/api/inboxes/6f1c2d8e-3b4a-4c5d-9e6f-7a8b9c0d1e2f/webhook';
  req.headers = {
    host: '127.0.0.1:3000',
    connection: 'keep-alive',
    'content-type': 'application/json',
    'content-length': '312',
    'x-switchboard-signature': `sha256=${'ab'.repeat(32)}`,
    'x-switchboard-timestamp': '1796409885',
    'user-agent': 'node',
    accept: '*/*',
  };
  return req;
}

function round(name) {
  const mw = middleware[name];
  const before = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const req = request();
    const res = new ServerResponse(req);
    mw(req, res, () => undefined);
    res.statusCode = 202;
    res.emit('finish');
  }
  const used = process.cpuUsage(before);
  return ((used.user + used.system) / REQUESTS).toFixed(2);
}

round('api'); // warm both paths up before measuring
round('quiet');
const results = { api: [], quiet: [] };
for (let r = 0; r < ROUNDS; r++) {
  for (const name of r % 2 ? ['quiet', 'api'] : ['api', 'quiet']) results[name].push(round(name));
}
const median = (xs) => [...xs].map(Number).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of Object.entries(results)) {
  console.log(`${name}: µs CPU per request ${xs.join(' / ')} (median ${median(xs)})`);
}
