import { createRequire } from 'node:module';
import type sanitizeHtmlFn from 'sanitize-html';

/**
 * sanitize-html 2.18 depends on htmlparser2 12, which is ESM-only. Node ≥ 20.19 loads it through
 * require(), Jest's CommonJS module registry does not; loading through Node's own require keeps
 * every project that imports this library (adapter specs, the API's tests, the built API) working
 * without a per-project Jest transform.
 */
const nodeRequire = createRequire(
  typeof __filename === 'string' ? __filename : `${process.cwd()}/`,
);

export const sanitizeHtml = nodeRequire('sanitize-html') as typeof sanitizeHtmlFn;
