import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CustomerSite {
  origin: string;
  url(path?: string): string;
  close(): Promise<void>;
}

/**
 * The company's own website on another origin: a plain page with the pasted snippet and some
 * hostile CSS, as a real site would have. Serves every path with the same page.
 */
export async function startCustomerSite(snippet: () => string): Promise<CustomerSite> {
  const page = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Outdoor</title>
<style>
  * { font-family: "Comic Sans MS", cursive !important; color: red !important; }
  button, textarea, input { display: none !important; }
  div { position: static !important; }
</style></head>
<body><h1>Acme Outdoor</h1><p>Tents and boots.</p>
${snippet()}
</body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path = '/') => `${origin}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
