import type { VisitorContactDto } from '../shared/widget-wire';
import { el } from './dom';
import type { ChatView } from './chat-view';
import type { ChatTexts } from './i18n';
import type { WidgetApi } from './widget-api';

/**
 * "Your requests" in the panel's header: a visitor whose address is confirmed opens the customer
 * portal, signed in, in a new tab. The link is one-time and lives two minutes, so it is asked for
 * on the click, never kept in the page.
 */
export class PortalLink {
  readonly button: HTMLButtonElement;
  private opening = false;

  constructor(
    private readonly api: WidgetApi,
    texts: ChatTexts,
    view: ChatView,
    private readonly onError: (error: unknown) => void,
  ) {
    this.button = el('button', {
      className: 'sb-portal',
      text: texts.portalLink,
      attrs: { type: 'button', title: texts.portalLinkHint },
    });
    this.button.hidden = true;
    this.button.addEventListener('click', () => void this.open());
    view.closeButton.before(this.button);
  }

  /** Shown only for a confirmed address: the server refuses anyone else. */
  show(contact: VisitorContactDto): void {
    this.button.hidden = !contact.email;
  }

  private async open(): Promise<void> {
    if (this.opening) return;
    this.opening = true;
    // Opened within the click, so popup blockers allow it, and pointed at the link once it comes.
    // Cut from the customer's site at once: the portal never gets a handle on the page.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    try {
      const { url } = await this.api.portalLink();
      if (tab) tab.location.href = url;
      else window.open(url, '_blank', 'noopener');
    } catch (error) {
      tab?.close();
      this.onError(error);
    } finally {
      this.opening = false;
    }
  }
}
