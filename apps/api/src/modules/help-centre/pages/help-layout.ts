import { createHash } from 'node:crypto';
import { escapeHtml } from '@switchboard/channels-webchat';
import { KB_LOCALES, type KbLocale } from '@switchboard/contracts';
import { HELP_TEXTS } from './help-texts';

/** Whose help centre this is: the account's name, logo (https) and brand colour (#rrggbb). */
export interface HelpBranding {
  name: string;
  logoUrl: string | null;
  color: string | null;
}

export interface HelpPageFrame {
  locale: KbLocale;
  title: string;
  branding: HelpBranding;
  /** Absolute address of this page, for <link rel="canonical">. */
  canonical: string;
  /** The same page in other languages (absolute), for hreflang and the language switcher. */
  alternates: { locale: KbLocale; href: string }[];
  /** Already-escaped main content. */
  main: string;
  /** The search box's current text. */
  query?: string;
  noindex?: boolean;
}

const DEFAULT_COLOR = '#2563eb';

/** Logical properties only, so the Arabic pages mirror. No external fonts, no script. */
const BASE_CSS =
  '*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;' +
  'color:#111827;background:#f9fafb;overflow-wrap:anywhere}a{color:var(--brand)}' +
  'header{background:var(--brand);color:#fff;padding-block:1.25rem 1.75rem}' +
  'header a{color:#fff;text-decoration:none}.wrap{max-width:46rem;margin-inline:auto;padding-inline:1rem}' +
  '.top{display:flex;align-items:center;gap:.75rem;justify-content:space-between;flex-wrap:wrap}' +
  '.brand{display:flex;align-items:center;gap:.6rem;font-weight:600;font-size:1.15rem}' +
  '.brand img{max-block-size:2rem;max-inline-size:8rem}' +
  '.langs{display:flex;gap:.5rem;flex-wrap:wrap;font-size:.9rem}.langs [aria-current]{font-weight:700;text-decoration:underline}' +
  'form.search{display:flex;gap:.5rem;margin-block-start:1rem}' +
  'form.search input{flex:1;font:inherit;padding:.6rem .8rem;border:0;border-radius:.5rem;min-inline-size:0}' +
  'button{font:inherit;padding:.55rem 1.1rem;border:1px solid #d1d5db;border-radius:.5rem;background:#fff;color:#111827;cursor:pointer}' +
  'main{padding-block:1.5rem 3rem}section{margin-block-end:2rem}h1{font-size:1.6rem;line-height:1.3}' +
  'h2{font-size:1.2rem}ul.list{list-style:none;padding:0;margin:0}ul.list li{padding-block:.55rem;border-block-end:1px solid #e5e7eb}' +
  '.muted{color:#4b5563;font-size:.9rem}.snippet{color:#374151;font-size:.92rem;margin:.2rem 0 0}' +
  'article img{max-inline-size:100%;height:auto}article pre{overflow:auto;background:#f3f4f6;padding:.75rem;border-radius:.4rem}' +
  '.feedback{margin-block-start:2.5rem;padding:1rem;border:1px solid #e5e7eb;border-radius:.6rem;background:#fff}' +
  '.feedback form{display:inline-flex;gap:.5rem;margin-inline-start:.5rem}' +
  '.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

const cspByColor = new Map<string, { css: string; csp: string }>();

/** The page's stylesheet and a CSP allowing exactly it (hash per brand colour, cached). */
export function styleFor(color: string | null): { css: string; csp: string } {
  const brand = color ?? DEFAULT_COLOR;
  let entry = cspByColor.get(brand);
  if (!entry) {
    const css = `:root{--brand:${brand}}${BASE_CSS}`;
    const hash = createHash('sha256').update(css).digest('base64');
    const csp =
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self' https:; ` +
      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    entry = { css, csp };
    cspByColor.set(brand, entry);
  }
  return entry;
}

/** Right to left for Arabic; everything else reads left to right. */
export function dirOf(locale: KbLocale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The whole HTML document around a page's content. Every value is escaped here or by the caller. */
export function helpDocument(frame: HelpPageFrame): { html: string; csp: string } {
  const { locale, branding } = frame;
  const t = HELP_TEXTS[locale];
  const { css, csp } = styleFor(branding.color);
  const home = `/help/${locale}`;
  const alternates = frame.alternates
    .map((a) => `<link rel="alternate" hreflang="${a.locale}" href="${escapeHtml(a.href)}">`)
    .join('');
  const switcher = KB_LOCALES.map((l) => {
    const alt = frame.alternates.find((a) => a.locale === l);
    if (l === locale)
      return `<span aria-current="true" lang="${l}">${escapeHtml(HELP_TEXTS[l].languageName)}</span>`;
    const href = alt ? alt.href : `/help/${l}`;
    return `<a href="${escapeHtml(href)}" hreflang="${l}" lang="${l}">${escapeHtml(HELP_TEXTS[l].languageName)}</a>`;
  }).join('');
  const logo = branding.logoUrl ? `<img src="${escapeHtml(branding.logoUrl)}" alt="">` : '';
  const html =
    `<!doctype html><html lang="${locale}" dir="${dirOf(locale)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    (frame.noindex ? '<meta name="robots" content="noindex">' : '') +
    `<title>${escapeHtml(frame.title)} · ${escapeHtml(branding.name)}</title>` +
    `<link rel="canonical" href="${escapeHtml(frame.canonical)}">${alternates}` +
    `<style>${css}</style></head><body>` +
    `<header><div class="wrap"><div class="top">` +
    `<a class="brand" href="${home}">${logo}<span>${escapeHtml(branding.name)} · ${escapeHtml(t.helpCentre)}</span></a>` +
    `<nav class="langs" aria-label="${escapeHtml(t.languageLabel)}">${switcher}</nav></div>` +
    `<form class="search" role="search" method="get" action="${home}/search">` +
    `<label class="visually-hidden" for="q">${escapeHtml(t.searchLabel)}</label>` +
    `<input id="q" type="search" name="q" maxlength="200" value="${escapeHtml(frame.query ?? '')}" ` +
    `placeholder="${escapeHtml(t.searchPlaceholder)}">` +
    `<button type="submit">${escapeHtml(t.searchButton)}</button></form></div></header>` +
    `<main class="wrap">${frame.main}</main></body></html>`;
  return { html, csp };
}
