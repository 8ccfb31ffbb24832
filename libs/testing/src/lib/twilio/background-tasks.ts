/** Work the fake does after answering (media downloads, callbacks), so stop() can wait for it. */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  run(task: () => Promise<void>): void {
    const promise = task()
      .catch(() => {
        // A failed background step is visible in the message's state, never as a crash.
      })
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
