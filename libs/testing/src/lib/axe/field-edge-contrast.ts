// Parts of this file run inside the browser page (page.evaluate), so they use the DOM types.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** WCAG relative luminance of an `rgb(r, g, b)` / `rgba(...)` colour as getComputedStyle writes it. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text fields under `scope` whose edge has less than 3:1 against what is behind them (WCAG 1.4.11:
 * the boundary is how one finds the field). axe-core does not check this. One line per field.
 */
export async function faintFieldEdges(page: Page, scope: string): Promise<string[]> {
  const fields = await page.$$eval(
    `${scope} :is(input:not([type=checkbox],[type=radio],[type=file],[type=hidden]), textarea, select)`,
    (els) =>
      els
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).opacity !== '0')
        .map((el) => {
          // The field's own box may be borderless inside a framed box (the composer): use the frame.
          let framed: Element = el;
          while (
            parseFloat(getComputedStyle(framed).borderBlockEndWidth) === 0 &&
            framed.parentElement
          )
            framed = framed.parentElement;
          let behind: Element | null = framed.parentElement;
          while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)')
            behind = behind.parentElement;
          return {
            what: el.outerHTML.slice(0, 100),
            edge: getComputedStyle(framed).borderBlockEndColor,
            behind: behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)',
          };
        }),
  );
  return fields
    .map((f) => ({ ...f, ratio: contrastRatio(f.edge, f.behind) }))
    .filter((f) => f.ratio < 3)
    .map((f) => `${f.what}: edge ${f.edge} on ${f.behind} is ${f.ratio.toFixed(2)}:1`);
}
