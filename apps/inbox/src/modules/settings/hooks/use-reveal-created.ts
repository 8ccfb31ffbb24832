import { useEffect, useRef } from 'react';
import { useSettingsStore } from '../store/settings-store';

/**
 * After "Create", the new inbox's settings (its snippet, its URLs) replace the form the admin
 * scrolled down through: bring their heading into view and focus, on a wide screen's detail pane
 * and on a phone's one-page scroll alike.
 */
export function useRevealCreated<T extends HTMLElement>(inboxId: string) {
  const headingRef = useRef<T>(null);
  const justCreated = useSettingsStore((s) => s.justCreatedId === inboxId);
  useEffect(() => {
    const heading = headingRef.current;
    if (!justCreated || !heading) return;
    // Focus scrolls it into view (each scroll box as needed) and tells a screen reader where it is.
    heading.focus();
  }, [justCreated, inboxId]);
  return headingRef;
}
