/**
 * Keeps the newest message fully in view: after each render, and again whenever content grows
 * later (an image arriving, a font loading) — unless the visitor scrolled up to read, which
 * unpins the log until they scroll back down.
 */
export class StickyScroll {
  private pinned = true;
  /** Where `follow` last put the log; below it is the visitor's doing. */
  private placedAt = 0;

  constructor(private readonly log: HTMLElement) {
    log.addEventListener('scroll', () => {
      const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
      // A scroll event lands a frame after `follow` moved the log, by when an image may have
      // grown the content under it: only moving up from where we put it is the visitor reading.
      const movedUp = log.scrollTop < this.placedAt - 1;
      this.pinned = nearBottom || (this.pinned && !movedUp);
    });
    // `load` does not bubble, but is seen while capturing: images inside messages.
    log.addEventListener('load', () => this.follow(), true);
    if (typeof ResizeObserver === 'function') {
      const observer = new ResizeObserver(() => this.follow());
      observer.observe(log);
      new MutationObserver(() => {
        for (const child of Array.from(log.children)) observer.observe(child);
        this.follow();
      }).observe(log, { childList: true, subtree: true });
    }
  }

  /** A new message: show it, wherever the visitor had scrolled. */
  toNewest(): void {
    this.pinned = true;
    this.follow();
  }

  private follow(): void {
    if (!this.pinned) return;
    this.log.scrollTop = this.log.scrollHeight;
    this.placedAt = this.log.scrollTop;
  }
}
