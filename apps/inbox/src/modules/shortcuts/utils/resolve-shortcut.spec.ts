import { describe, expect, it } from 'vitest';
import { isEditableTarget, resolveShortcut, type KeyInput } from './resolve-shortcut';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inEditable: false,
  ...extra,
});

describe('resolveShortcut', () => {
  it('maps the feed keys', () => {
    expect(['j', 'k', 'e', 's', 'r', '?', 'Escape'].map((k) => resolveShortcut(key(k)))).toEqual([
      'next',
      'previous',
      'close',
      'snooze',
      'reply',
      'help',
      'back',
    ]);
    expect(resolveShortcut(key('J'))).toBe('next'); // caps lock
  });

  it('assigns with a type-ahead picker on a, and to oneself in one key on i', () => {
    expect(resolveShortcut(key('a'))).toBe('assign');
    expect(resolveShortcut(key('i'))).toBe('assign_me');
    expect(resolveShortcut(key('a', { inEditable: true }))).toBeNull();
    expect(resolveShortcut(key('i', { metaKey: true }))).toBeNull();
  });

  it('leaves typing alone except Escape', () => {
    expect(resolveShortcut(key('e', { inEditable: true }))).toBeNull();
    expect(resolveShortcut(key('?', { inEditable: true }))).toBeNull();
    expect(resolveShortcut(key('Escape', { inEditable: true }))).toBe('back');
  });

  it('ignores browser and OS combinations and IME composition', () => {
    expect(resolveShortcut(key('r', { ctrlKey: true }))).toBeNull();
    expect(resolveShortcut(key('s', { metaKey: true }))).toBeNull();
    expect(resolveShortcut(key('j', { altKey: true }))).toBeNull();
    expect(resolveShortcut(key('Escape', { isComposing: true }))).toBeNull();
    expect(resolveShortcut(key('x'))).toBeNull();
  });

  it('opens the command palette on Ctrl+K or Cmd+K, even while typing', () => {
    expect(resolveShortcut(key('k', { ctrlKey: true }))).toBe('palette');
    expect(resolveShortcut(key('k', { metaKey: true, inEditable: true }))).toBe('palette');
    expect(resolveShortcut(key('K', { ctrlKey: true }))).toBe('palette');
    expect(resolveShortcut(key('k', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(resolveShortcut(key('k', { ctrlKey: true, isComposing: true }))).toBeNull();
    expect(resolveShortcut(key('k'))).toBe('previous');
  });

  it('knows which elements take text', () => {
    const text = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(isEditableTarget(text)).toBe(true);
    expect(isEditableTarget(document.createElement('textarea'))).toBe(true);
    expect(isEditableTarget(checkbox)).toBe(false);
    expect(isEditableTarget(document.createElement('button'))).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});
