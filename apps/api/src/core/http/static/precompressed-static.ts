import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type ContentCoding, negotiateContentCoding } from './accept-encoding';
import { cacheControlFor } from './static-cache-control';

/** Must match scripts/precompress.mjs: only these have .br/.gz variants and vary by encoding. */
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.xml',
  '.webmanifest',
  '.ico',
]);
const SUFFIX: Record<Exclude<ContentCoding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

export interface StaticSiteOptions {
  /** The built site's directory. */
  root: string;
  /** Headers for HTML pages (the SPA's Content-Security-Policy). */
  onHtml?: (res: Response) => void;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** The request path inside the site as `a/b.js`, or null when it is not a plain path under it. */
function siteRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^\/+/, '');
  // Dot segments are refused, not resolved: `..` escapes the root, `.vite` is build metadata.
  if (relative.split('/').some((segment) => segment.startsWith('.'))) return null;
  // A variant is sent only where negotiation chose it, never asked for by name.
  if (relative.endsWith('.br') || relative.endsWith('.gz')) return null;
  return relative;
}

/**
 * Sends one file of the site (`relative` uses `/`), as the precompressed variant the client
 * accepts when the build wrote one. Headers: the original Content-Type, Content-Encoding, Vary,
 * Cache-Control by kind of file, ETag and Last-Modified of the bytes sent (each variant has its
 * own, so a cache never confuses them). Byte ranges only on the identity variant: a range of
 * compressed bytes is rarely useful and easy to get wrong. Calls next() when there is no file.
 */
export async function sendSiteFile(
  req: Request,
  res: Response,
  next: NextFunction,
  options: StaticSiteOptions,
  relative: string,
): Promise<void> {
  const root = resolve(options.root);
  const file = join(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return next();
  if (!(await isFile(file))) return next();
  const extension = extname(file);
  let coding: ContentCoding = 'identity';
  if (COMPRESSIBLE.has(extension)) {
    const [br, gzip] = await Promise.all([isFile(`${file}.br`), isFile(`${file}.gz`)]);
    const available: ContentCoding[] = [
      ...(br ? (['br'] as const) : []),
      ...(gzip ? (['gzip'] as const) : []),
      'identity',
    ];
    // RFC 9110 lets a server send identity when the client refused everything on offer.
    coding = negotiateContentCoding(req.headers['accept-encoding'], available) ?? 'identity';
    res.vary('Accept-Encoding');
  }
  // Set before sendFile: `send` keeps a Content-Type already present, so `.br` keeps `.js`'s type.
  res.type(extension);
  res.setHeader('Cache-Control', cacheControlFor(relative));
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  if (extension === '.html') options.onHtml?.(res);
  const sent = coding === 'identity' ? file : `${file}${SUFFIX[coding]}`;
  res.sendFile(
    sent,
    { acceptRanges: coding === 'identity', cacheControl: false, dotfiles: 'deny' },
    (err?: Error & { status?: number }) => {
      if (!err || res.headersSent) return;
      if (err.status === 404) return next();
      next(err);
    },
  );
}

/**
 * Serves a built site (GET and HEAD). A directory path serves its index.html; `skip` lets
 * requests that can never be files (the API) through without touching the disk.
 */
export function precompressedStatic(
  options: StaticSiteOptions & { skip?: (path: string) => boolean },
): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || options.skip?.(req.path)) return next();
    const relative = siteRelativePath(req.path);
    if (relative === null) return next();
    const target = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    sendSiteFile(req, res, next, options, target).catch(next);
  };
}
