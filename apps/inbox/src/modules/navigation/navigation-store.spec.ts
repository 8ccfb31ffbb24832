import { describe, expect, it } from 'vitest';
import { hashOfScreen, screenFromHash, type Screen } from './navigation-store';

describe('screen hashes', () => {
  it('round-trips every screen that has a hash of its own', () => {
    const screens: Screen[] = [
      { name: 'contacts' },
      { name: 'tasks' },
      { name: 'automation' },
      { name: 'reports' },
      { name: 'contact', contactId: '3f1e0c2a-8d4b-4c1e-9a2f-1b2c3d4e5f60' },
    ];
    for (const screen of screens) {
      const hash = hashOfScreen(screen);
      expect(hash).not.toBeNull();
      expect(screenFromHash(hash as string)).toEqual(screen);
    }
  });

  it('keeps the choices after the reports hash on the one reports screen', () => {
    expect(screenFromHash('#/reports?period=last7&groupBy=operator')).toEqual({ name: 'reports' });
    expect(screenFromHash('#/reportsX')).toBeNull();
  });

  it('leaves the inbox and conversation hashes to the conversation router', () => {
    expect(hashOfScreen({ name: 'inbox' })).toBeNull();
    expect(screenFromHash('#/conversations/abc')).toBeNull();
    expect(screenFromHash('')).toBeNull();
  });

  it('refuses contact ids that are not plain ids', () => {
    expect(screenFromHash('#/contacts/' + encodeURIComponent('<img src=x>'))).toBeNull();
    expect(screenFromHash('#/contacts/' + 'a'.repeat(65))).toBeNull();
    expect(screenFromHash('#/contacts/%E0%A4%A')).toBeNull();
  });
});
