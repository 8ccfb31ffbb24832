const STORAGE_KEY = 'switchboard.notifications.sound';

/** The operator's choice for this browser: a sound is a per-device preference, like volume. */
export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setSoundEnabled(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Private mode without storage: the choice lasts until reload.
  }
}

let context: AudioContext | null = null;

/** A short two-tone chime made on the spot: no audio file to load, nothing to cache. */
export function playChime(): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    const now = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1320],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(now + offset);
      oscillator.stop(now + offset + 0.26);
    }
  } catch {
    // Autoplay policy before the first click: a silent miss is fine, the badge still counts.
  }
}
