// Parts of this file run inside the browser page (page.evaluate), so they use the DOM types.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The WCAG 2.2 AA rule set: every A and AA rule of 2.0, 2.1 and 2.2. */
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** What a screen-reader or keyboard user cannot get past; moderate and minor are reported apart. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

interface AxeNodeResult {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNodeResult[];
}

interface AxeWindow {
  axe?: {
    run: (
      context: unknown,
      options: unknown,
    ) => Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
  };
}

let axeSource: string | null = null;

/** axe-core from node_modules: the audit needs no network. */
function loadAxeSource(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeAudit {
  /** Serious and critical violations, one readable line per element. */
  blocking: string[];
  /** How many rules passed: proves the audit looked at something. */
  passed: number;
}

/**
 * Runs axe-core inside the page as it is now. It is evaluated through the DevTools protocol rather
 * than a <script> tag, so the app's Content-Security-Policy (script-src 'self') does not block it.
 * `include` narrows the audit (a CSS selector path; an array steps into a shadow root).
 */
export async function auditAccessibility(
  page: Page,
  include?: string | string[],
): Promise<AxeAudit> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(loadAxeSource());
  const result = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as AxeWindow).axe;
      if (!axe) throw new Error('axe-core did not load');
      const context =
        include === null
          ? document
          : { include: [typeof include === 'string' ? include : { fromShadowDom: include }] };
      const run = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return {
        passed: run.passes.length,
        violations: run.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({
            target: n.target.map(String),
            html: n.html,
            failureSummary: n.failureSummary ?? '',
          })),
        })),
      };
    },
    { tags: [...WCAG_22_AA_TAGS], include: include ?? null },
  );
  const blocking = result.violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id}: ${v.help}\n    at ${n.target.join(' >> ')}\n    ${n.html.slice(0, 200)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
      ),
    );
  return { blocking, passed: result.passed };
}
