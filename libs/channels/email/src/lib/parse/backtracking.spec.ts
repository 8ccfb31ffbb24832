import { describeGrowth, linearBound, measureGrowth } from '../../testing/time-growth';
import { testSettings } from '../testing-fixtures';
import { extractMessageIds, normalizeMessageId } from '../shared/message-id';
import { detectDeliveryReport } from './bounce-detector';
import { parseRawEmail } from './email-parser';
import { sanitizeEmailHtml } from './html-sanitizer';
import { htmlToPlainText } from './html-to-plain-text';
import { foldQuotedText } from './quote-folding';

/**
 * Each row is an input crafted against one pattern that used to backtrack super-linearly on
 * customer text (the pattern is named in the row). Before the fix, eight times the input took
 * 20–60 times as long (seconds at 32 KB); now the time grows like the input.
 */
const dsnHeaders = {
  get: (name: string) =>
    name === 'content-type' ? 'multipart/report; report-type=delivery-status' : undefined,
};
const ctx = { inboxId: 'inbox-1', settings: testSettings() };
const mail = (headers: string[], body: string, contentType = 'text/plain; charset=utf-8') =>
  Buffer.from(
    [
      'From: Jane <jane@customer.example>',
      'To: support@example.test',
      'Message-ID: <m1@customer.example>',
      ...headers,
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}`,
      '',
      body,
      '',
    ].join('\r\n'),
  );

const SIZES = [4_000, 8_000, 16_000, 32_000];

const cases: Array<{
  name: string;
  run: (input: string) => unknown;
  craft: (n: number) => string;
  sizes?: number[];
}> = [
  {
    name: 'quote folding: dated reply header `<[^>]+@[^>]+>` over a run of @',
    run: foldQuotedText,
    craft: (n) => `2024-01-01 <${'@'.repeat(n)}`,
  },
  {
    name: 'Message-ID extraction: `<[^<>\\s"]+@[^<>\\s"]+>` over a run of @',
    run: (s) => extractMessageIds([s]),
    craft: (n) => `<${'@'.repeat(n)}`,
  },
  {
    name: 'Message-ID normalisation: a bare id `^[^<>\\s"]+@[^<>\\s"]+$` over a run of @',
    run: normalizeMessageId,
    craft: (n) => `${'@'.repeat(n)}"`,
  },
  {
    name: 'bounce reason: `^\\s*([45]\\d\\d…)$` under /m over blank lines',
    run: (s) => detectDeliveryReport(dsnHeaders, null, 'Undelivered', s),
    craft: (n) => `${'\n'.repeat(n)}x`,
  },
  {
    name: "bounce: the returned message's Message-ID over a run of @",
    run: (s) => detectDeliveryReport(dsnHeaders, null, 'Undelivered', s),
    craft: (n) => `Action: failed\nMessage-ID: <${'@'.repeat(n)}\n`,
  },
  {
    name: 'HTML to text: `[ \\t]+\\n` over a run of spaces',
    run: htmlToPlainText,
    craft: (n) => `${' '.repeat(n)}x`,
  },
  {
    name: 'HTML to text: `<[^>]+>` over a run of <',
    run: htmlToPlainText,
    craft: (n) => '<'.repeat(n),
  },
  {
    name: 'HTML to text: `<br\\b[^>]*>` over repeated unclosed <br',
    run: htmlToPlainText,
    craft: (n) => '<br'.repeat(n / 3),
  },
  {
    name: 'HTML to text: `<img\\b[^>]*\\balt="…"[^>]*>` over repeated alt=""',
    run: htmlToPlainText,
    craft: (n) => `<img${' alt=""'.repeat(n / 7)}`,
  },
  {
    name: "HTML sanitizer: htmlparser2's end-tag lookup over a deep stack (<b>… then </i>…)",
    run: sanitizeEmailHtml,
    craft: (n) => '<b>'.repeat(n / 7) + '</i>'.repeat(n / 7),
    sizes: [7_000, 14_000, 28_000, 56_000],
  },
  {
    name: 'HTML sanitizer: implied-end elements that still nest (<p><li>…) then </x>…',
    run: sanitizeEmailHtml,
    craft: (n) => '<p><li>'.repeat(n / 14) + '</x>'.repeat(n / 8),
    sizes: [16_000, 32_000, 64_000, 128_000],
  },
  {
    name: 'whole parse: a plain-text mail carrying the dated reply header line',
    run: (s) => parseRawEmail({ source: mail([], s) }, ctx),
    craft: (n) => `Hello\r\n\r\n2024-01-01 <${'@'.repeat(n)}`,
  },
  {
    name: "whole parse: HTML-only mail of entities (html-to-text's text handling)",
    run: (s) => parseRawEmail({ source: mail([], s, 'text/html; charset=utf-8') }, ctx),
    craft: (n) => '<u>&amp;&lt;&#65;</u>'.repeat(n / 21),
    sizes: [240_000, 480_000, 960_000, 1_920_000],
  },
  {
    name: 'whole parse: a delivery report whose body is blank lines',
    run: (s) =>
      parseRawEmail(
        {
          source: mail(
            ['Subject: Undelivered'],
            s,
            'multipart/report; report-type=delivery-status; boundary=zz',
          ),
        },
        ctx,
      ).catch(() => undefined),
    craft: (n) => `--zz\r\nContent-Type: text/plain\r\n\r\n${'\n'.repeat(n)}x\r\n--zz--`,
  },
];

// Before the fix, one row took about a minute to show its quadratic growth.
jest.setTimeout(120_000);

describe('parsers stay linear on inputs crafted against their patterns', () => {
  it.each(cases)('$name', async ({ run, craft, sizes = SIZES }) => {
    const growth = await measureGrowth(run, craft, sizes);
    const bound = linearBound(sizes);
    if (growth.factor > bound) {
      throw new Error(
        `time grew ${growth.factor.toFixed(1)}× (linear allows ${bound}×): ${describeGrowth(growth)}`,
      );
    }
  });
});
