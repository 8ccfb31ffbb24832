/**
 * Lives inside the shadow root: the host page's CSS cannot reach in, ours cannot leak out, and
 * `all: initial` on the host stops inherited fonts and colours from the page.
 */
export const LOADER_CSS = `
:host { all: initial; }
.sb-root { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; }
.sb-bubble { width: 56px; height: 56px; border-radius: 50%; border: 0; cursor: pointer; background: var(--sb-accent, #2563eb); color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.25); display: flex; align-items: center; justify-content: center; position: relative; }
.sb-bubble:focus-visible { outline: 3px solid #111827; outline-offset: 2px; }
.sb-bubble svg { width: 28px; height: 28px; fill: currentColor; }
.sb-badge { position: absolute; top: -2px; right: -2px; min-width: 18px; height: 18px; border-radius: 9px; background: #dc2626; color: #fff; font-size: 11px; line-height: 18px; text-align: center; padding: 0 4px; box-sizing: border-box; }
.sb-panel { position: absolute; right: 0; bottom: 72px; width: min(370px, calc(100vw - 40px)); height: min(560px, calc(100vh - 110px)); background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; display: flex; flex-direction: column; }
.sb-panel[hidden], .sb-badge[hidden] { display: none; }
.sb-loading { margin: auto; color: #6b7280; }
/* Phones: the open chat is the whole screen, clear of notches and the home bar; the bubble steps aside. */
@media (max-width: 640px) {
  .sb-panel { position: fixed; inset: 0; width: auto; height: auto; border-radius: 0; box-shadow: none; box-sizing: border-box; padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left); }
  .sb-root[data-open] .sb-bubble { display: none; }
}
`;
