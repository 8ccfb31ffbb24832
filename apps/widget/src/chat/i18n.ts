/** Every word the chat UI shows, per language. Missing languages fall back to English. */
const EN = {
  title: 'Chat with us',
  close: 'Close chat',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach an image or PDF',
  typing: (name: string | null) => `${name ?? 'Support'} is typing…`,
  sending: 'Sending…',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not sent. Tap to retry.',
  emailPrompt: 'Get the answer by email if you leave:',
  emailPlaceholder: 'you@example.com',
  emailSave: 'Notify me',
  emailSaved: (email: string) => `We will email ${email} if you are away.`,
  tooLong: (max: number) => `Messages can be at most ${max} characters.`,
  fileTooLarge: (mb: number) => `Files can be at most ${mb} MB.`,
  fileType: 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.',
  offline: 'Reconnecting…',
  unavailable: 'The chat is not available right now.',
  you: 'You',
};
export type ChatTexts = typeof EN;

const DE: ChatTexts = {
  ...EN,
  title: 'Schreiben Sie uns',
  close: 'Chat schließen',
  placeholder: 'Nachricht schreiben…',
  send: 'Senden',
  attach: 'Bild oder PDF anhängen',
  typing: (name) => `${name ?? 'Support'} schreibt…`,
  sending: 'Wird gesendet…',
  sent: 'Gesendet',
  delivered: 'Zugestellt',
  read: 'Gelesen',
  failed: 'Nicht gesendet. Tippen zum Wiederholen.',
  emailPrompt: 'Antwort per E-Mail erhalten, falls Sie gehen:',
  emailSave: 'Benachrichtigen',
  emailSaved: (email) => `Wir schreiben an ${email}, falls Sie nicht da sind.`,
  tooLong: (max) => `Nachrichten dürfen höchstens ${max} Zeichen lang sein.`,
  fileTooLarge: (mb) => `Dateien dürfen höchstens ${mb} MB groß sein.`,
  fileType: 'Nur Bilder (PNG, JPEG, GIF, WebP) und PDF-Dateien.',
  offline: 'Verbindung wird wiederhergestellt…',
  unavailable: 'Der Chat ist gerade nicht verfügbar.',
  you: 'Sie',
};

const TABLE: Record<string, ChatTexts> = { en: EN, de: DE };

export function chatTexts(locale: string): ChatTexts {
  return TABLE[locale.slice(0, 2).toLowerCase()] ?? EN;
}
