import { useEffect, useLayoutEffect, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type=hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable=true]',
].join(',');

/** The dialog's Tab stops in document order, skipping hidden ones. */
function tabStops(dialog: HTMLElement): HTMLElement[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
}

/** A dialog opened over another one traps the keys; the one below waits. */
function isTopmost(dialog: HTMLElement): boolean {
  const modals = document.querySelectorAll('[aria-modal=true]');
  return modals[modals.length - 1] === dialog;
}

/**
 * The keyboard contract of a modal dialog (WAI-ARIA dialog pattern), shared by every dialog:
 * focus moves in when it opens (unless the dialog already placed it), Tab and Shift+Tab cycle
 * inside it, and when it closes focus goes back to the control that opened it. Escape stays with
 * each dialog, which knows what closing means.
 */
export function useModalFocus(ref: RefObject<HTMLElement | null>, open = true): void {
  // A layout effect runs before the dialog's own (passive) effect moves focus in, so the control
  // that opened it is still the active element; its cleanup runs while the dialog is still in the
  // page, so we can tell whether focus was inside it.
  useLayoutEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    return () => {
      const active = document.activeElement;
      const focusWasInside = !active || active === document.body || dialog?.contains(active);
      if (focusWasInside && opener?.isConnected) opener.focus();
    };
  }, [open, ref]);

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    if (!dialog.contains(document.activeElement)) {
      const first = tabStops(dialog)[0];
      if (first) first.focus();
      else {
        dialog.tabIndex = -1;
        dialog.focus();
      }
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || !isTopmost(dialog)) return;
      const stops = tabStops(dialog);
      const first = stops[0];
      const last = stops[stops.length - 1];
      const active = document.activeElement;
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const outside = !dialog.contains(active);
      if (event.shiftKey && (active === first || outside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || outside)) {
        event.preventDefault();
        first.focus();
      }
    };
    // On the document and before anyone else (handlers below may stop the event), so a Tab pressed
    // while focus has somehow left the dialog still brings it back.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [open, ref]);
}
