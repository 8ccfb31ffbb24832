import { create } from 'zustand';

/** The main area's screen: the inbox (feed and conversation), the contacts list, one contact, tasks. */
export type Screen =
  | { name: 'inbox' }
  | { name: 'contacts' }
  | { name: 'contact'; contactId: string }
  | { name: 'tasks' }
  | { name: 'automation' }
  | { name: 'reports' }
  | { name: 'knowledge-base'; articleId?: string };

interface NavigationState {
  screen: Screen;
  go: (screen: Screen) => void;
}

export const useNavigationStore = create<NavigationState>((set) => ({
  screen: { name: 'inbox' },
  go: (screen) => set({ screen }),
}));

const CONTACT_PREFIX = '#/contacts/';
const KB_PREFIX = '#/kb/';

/** The screen a URL hash names; null for hashes this router does not own (conversations, none). */
export function screenFromHash(hash: string): Screen | null {
  if (hash === '#/contacts') return { name: 'contacts' };
  if (hash === '#/tasks') return { name: 'tasks' };
  if (hash === '#/automation') return { name: 'automation' };
  // The report's choices follow `?` (reports module): one screen whatever it shows.
  if (hash === '#/reports' || hash.startsWith('#/reports?')) return { name: 'reports' };
  if (hash === '#/kb') return { name: 'knowledge-base' };
  if (hash.startsWith(KB_PREFIX)) {
    const id = hash.slice(KB_PREFIX.length);
    return /^[\w-]{1,64}$/.test(id) ? { name: 'knowledge-base', articleId: id } : null;
  }
  if (hash.startsWith(CONTACT_PREFIX)) {
    const id = hash.slice(CONTACT_PREFIX.length);
    // Ids are plain (letters, digits, dashes): anything encoded is not one of ours.
    return /^[\w-]{1,64}$/.test(id) ? { name: 'contact', contactId: id } : null;
  }
  return null;
}

/** The hash that shows a screen; the inbox has none of its own (a conversation's hash wins). */
export function hashOfScreen(screen: Screen): string | null {
  switch (screen.name) {
    case 'contacts':
      return '#/contacts';
    case 'tasks':
      return '#/tasks';
    case 'automation':
      return '#/automation';
    case 'reports':
      return '#/reports';
    case 'contact':
      return CONTACT_PREFIX + screen.contactId;
    case 'knowledge-base':
      return screen.articleId ? KB_PREFIX + screen.articleId : '#/kb';
    case 'inbox':
      return null;
  }
}
