/** Below this width the open chat covers the whole screen (see LOADER_CSS). */
export const PHONE_QUERY = '(max-width: 640px)';

let saved: { html: string; body: string } | null = null;

/**
 * While the full-screen chat is open on a phone, the page behind must not scroll (iOS otherwise
 * scrolls the site under the visitor's finger). Restores the page's own overflow on close.
 */
export function lockPageScroll(lock: boolean): void {
  const html = document.documentElement;
  const body = document.body;
  if (lock && !saved && matchMedia(PHONE_QUERY).matches) {
    saved = { html: html.style.overflow, body: body.style.overflow };
    html.style.overflow = 'hidden';
    body.style.overflow = 'hidden';
  } else if (!lock && saved) {
    html.style.overflow = saved.html;
    body.style.overflow = saved.body;
    saved = null;
  }
}
