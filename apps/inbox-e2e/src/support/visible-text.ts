import type { Page } from 'playwright-core';

/**
 * Words of the English interface. On a translated screen none of them may be left, wherever
 * the text comes from (a JSX literal, an aria-label, a tooltip, a toast, a server fallback).
 */
const ENGLISH_UI_WORDS = [
  'the and your you with from only any all none yes no new open opened close closed snooze ',
  'snoozed unsnooze reopen reply replies send sent note notes inbox inboxes conversation ',
  'conversations customer customers assign assigned assignee unassigned mine team teams tag ',
  'tags search filter settings save cancel delete edit loading people profile password sign ',
  'status priority channel channels message messages unread today tomorrow yesterday week ',
  'evening hour hours minutes pick back show hide more add remove name email phone view views ',
  'task tasks contact contacts report reports automation rule rules online away live ',
  'connecting notifications shortcuts keyboard help language time zone copy type select ',
  'selected change next previous undo merge split via template templates attach files ',
  'download preview order newest urgent normal high low business audit log canned attributes ',
  'greeting widget enabled access schedule survey',
]
  .join('')
  .split(' ');
const ENGLISH = new RegExp(`\\b(${ENGLISH_UI_WORDS.join('|')})\\b`, 'i');

/** Not words of the interface: addresses, placeholders of templates, event names, IANA zones. */
const NOT_PROSE = [
  /https?:\/\/\S+/g,
  /\S+@\S+/g,
  /\{\{[^}]*\}\}/g,
  /\b[A-Za-z_]+(\.[A-Za-z_]+)+\b/g,
  /\b[A-Z][A-Za-z]+\/[A-Za-z_/+-]+\b/g,
];

/**
 * Every text the operator can see on the page now: visible text nodes, the shown value of each
 * select, and the names given to controls (aria-label, title, placeholder, tooltip). What people
 * wrote (messages, names: wrapped in <bdi> or a message body) and endonyms (`lang` set) are left out.
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const pageLang = document.documentElement.lang;
    const skipped = (el: Element) =>
      el.closest('bdi, .message__text, script, style, [data-testid=email-frame]') !== null ||
      el.closest('[lang]')?.getAttribute('lang') !== pageLang;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || el.closest('select') || skipped(el) || !el.checkVisibility()) continue;
      out.push(text);
    }
    for (const select of document.querySelectorAll('select')) {
      const shown = select.selectedOptions[0];
      if (shown && select.checkVisibility() && !skipped(shown)) out.push(shown.text);
    }
    const named = document.querySelectorAll('[aria-label], [title], [placeholder], [data-tooltip]');
    for (const el of named) {
      if (skipped(el) || !el.checkVisibility()) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'data-tooltip']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** The texts that still read as English once brand names and `allowed` words are taken out. */
export async function englishLeftovers(page: Page, allowed: readonly string[]): Promise<string[]> {
  const texts = await visibleTexts(page);
  return texts.filter((text) => {
    let rest = text;
    for (const pattern of NOT_PROSE) rest = rest.replace(pattern, ' ');
    for (const word of allowed) rest = rest.split(word).join(' ');
    return ENGLISH.test(rest);
  });
}
