/** "The visitor is typing" for operators: on with the first key, off after 3 s of quiet or a send. */
export class TypingSignal {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = false;

  constructor(private readonly emit: (typing: boolean) => void) {}

  input(): void {
    if (!this.sent) {
      this.sent = true;
      this.emit(true);
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(), 3000);
  }

  stop(): void {
    clearTimeout(this.timer);
    if (this.sent) this.emit(false);
    this.sent = false;
  }
}
