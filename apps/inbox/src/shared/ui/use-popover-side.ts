import { useLayoutEffect, useState, type RefObject } from 'react';

/** Which inline edge of its button a popover hangs from: the end (default) or the start. */
export type PopoverSide = 'end' | 'start';

/**
 * A popover hangs from its button's inline end and grows towards the inline start. Where that
 * would spill out of the pane (a header wrapped onto two lines, a right-to-left layout, a narrow
 * window), it hangs from the start edge instead. A bottom sheet (position: fixed) is left alone.
 */
export function usePopoverSide(
  popover: RefObject<HTMLElement | null>,
  boundarySelector: string,
): PopoverSide {
  const [side, setSide] = useState<PopoverSide>('end');
  useLayoutEffect(() => {
    const el = popover.current;
    if (!el || getComputedStyle(el).position !== 'absolute') return;
    const bounds = el.closest(boundarySelector)?.getBoundingClientRect() ?? {
      left: 0,
      right: document.documentElement.clientWidth,
    };
    const box = el.getBoundingClientRect();
    if (box.left < bounds.left || box.right > bounds.right) setSide('start');
  }, [popover, boundarySelector]);
  return side;
}
