import { describe, expect, it } from 'vitest';
import { StickyScroll } from './sticky-scroll';

/** A log whose layout is set by hand: jsdom lays nothing out. */
function fakeLog(clientHeight: number) {
  const log = document.createElement('ul');
  let scrollHeight = clientHeight;
  let scrollTop = 0;
  Object.defineProperties(log, {
    clientHeight: { get: () => clientHeight },
    scrollHeight: { get: () => scrollHeight },
    scrollTop: {
      get: () => scrollTop,
      // The browser clamps to the content, as here.
      set: (v: number) => (scrollTop = Math.max(0, Math.min(v, scrollHeight - clientHeight))),
    },
  });
  return {
    log,
    grow: (to: number) => (scrollHeight = to),
    scrollTo: (top: number) => {
      log.scrollTop = top;
      log.dispatchEvent(new Event('scroll'));
    },
    imageLoaded: () => log.dispatchEvent(new Event('load')),
  };
}

describe('StickyScroll', () => {
  it('follows an image that grew the log before the scroll event of the last move arrived', () => {
    const view = fakeLog(300);
    const sticky = new StickyScroll(view.log);
    view.grow(1_000);
    sticky.toNewest();
    expect(view.log.scrollTop).toBe(700);
    // The image arrives and grows the content; the scroll event of the move above comes after.
    view.grow(1_400);
    view.log.dispatchEvent(new Event('scroll'));
    view.imageLoaded();
    expect(view.log.scrollTop).toBe(1_100);
  });

  it('stays where the visitor scrolled up to read, and follows again once they are back down', () => {
    const view = fakeLog(300);
    const sticky = new StickyScroll(view.log);
    view.grow(1_000);
    sticky.toNewest();
    view.scrollTo(200);
    view.grow(1_400);
    view.imageLoaded();
    expect(view.log.scrollTop).toBe(200);
    view.scrollTo(1_100);
    view.grow(1_600);
    view.imageLoaded();
    expect(view.log.scrollTop).toBe(1_300);
    // A new message shows itself even to a visitor reading above.
    view.scrollTo(0);
    sticky.toNewest();
    expect(view.log.scrollTop).toBe(1_300);
  });
});
