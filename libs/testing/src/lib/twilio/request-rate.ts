/** Counts hits in the last second; a hit beyond the limit is refused and not counted. */
export class RequestRate {
  private readonly hits: number[] = [];

  constructor(public perSecond: number) {}

  tryTake(now: number): boolean {
    // Hits are appended in time order, so the expired ones are at the front.
    let expired = 0;
    while (expired < this.hits.length && this.hits[expired] <= now - 1000) expired++;
    if (expired > 0) this.hits.splice(0, expired);
    if (this.hits.length >= this.perSecond) return false;
    this.hits.push(now);
    return true;
  }
}
