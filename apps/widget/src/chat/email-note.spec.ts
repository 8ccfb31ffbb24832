import { describe, expect, it } from 'vitest';
import { emailNote, emailState } from './email-note';
import { chatTexts } from './i18n';

describe('emailNote', () => {
  const en = chatTexts('en');

  it('asks to confirm a typed address, then says it is confirmed', () => {
    expect(emailNote(en, { email: null, pendingEmail: 'kari@example.no' })).toBe(
      'We sent a link to kari@example.no. Check your inbox and open it to confirm.',
    );
    expect(emailNote(en, { email: 'kari@example.no', pendingEmail: null })).toBe(
      'Confirmed: we will email kari@example.no if you are away.',
    );
    expect(emailNote(en, { email: 'old@example.no', pendingEmail: 'new@example.no' })).toContain(
      'new@example.no',
    );
    expect(emailNote(en, { email: null, pendingEmail: null })).toBe(en.emailPrompt);
  });

  it('speaks the visitor’s language', () => {
    expect(emailNote(chatTexts('de'), { email: null, pendingEmail: 'a@b.de' })).toContain(
      'Bestätigung',
    );
  });
});

describe('emailState', () => {
  it('is confirmed only for a confirmed address with nothing newer pending', () => {
    expect(emailState({ email: 'kari@example.no', pendingEmail: null })).toBe('confirmed');
    expect(emailState({ email: 'old@example.no', pendingEmail: 'new@example.no' })).toBe('pending');
    expect(emailState({ email: null, pendingEmail: null })).toBe('empty');
  });
});
