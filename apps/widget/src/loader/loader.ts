import { tokenStorageKey, type ChatController, type MountChat } from '../shared/chat-mount';
import { LOADER_CSS } from './loader-styles';
import { loaderTexts } from './loader-texts';
import { lockPageScroll } from './page-scroll-lock';
import { pickWidgetLocale, textDirection } from '../shared/widget-locale';

/**
 * The snippet's script. Adds the bubble inside a shadow root and fetches the chat UI only when the
 * visitor opens it (or at once for a returning visitor, so operator replies arrive live). It makes
 * no request of its own and sets no cookie.
 */
const CHAT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"/></svg>';

interface LoaderWindow extends Window {
  __switchboardWidget?: boolean;
  /** Set by chat.js (an IIFE bundle with this global name). */
  SwitchboardWidgetChat?: { mountChat: MountChat };
}

function start(script: HTMLScriptElement): void {
  const inboxId = script.dataset['inbox'];
  if (!inboxId) {
    console.warn('[switchboard] the widget script needs data-inbox="<inbox id>"');
    return;
  }
  const scriptUrl = new URL(script.src, location.href);
  const chatUrl = new URL('chat.js', scriptUrl).href;
  // The site's data-locale wins; otherwise the visitor's browser languages, in their order.
  const locale = pickWidgetLocale(script.dataset['locale'], navigator.languages ?? []);
  const texts = loaderTexts(locale);
  const userId = script.dataset['userId'];
  const userHash = script.dataset['userHash'];

  const host = document.createElement('div');
  host.setAttribute('data-switchboard-widget', inboxId);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = LOADER_CSS;
  const root = document.createElement('div');
  root.className = 'sb-root';
  const panel = document.createElement('div');
  panel.className = 'sb-panel';
  panel.lang = locale;
  panel.dir = textDirection(locale);
  panel.hidden = true;
  const bubble = document.createElement('button');
  bubble.type = 'button';
  bubble.className = 'sb-bubble';
  const badge = document.createElement('span');
  badge.className = 'sb-badge';
  badge.hidden = true;
  const accent = script.dataset['accent'];
  if (accent && /^#[0-9a-fA-F]{6}$/.test(accent)) root.style.setProperty('--sb-accent', accent);
  root.append(panel, bubble);
  shadow.append(style, root);
  document.body.appendChild(host);

  let open = false;
  let chat: Promise<ChatController> | null = null;

  const render = () => {
    bubble.innerHTML = open ? CLOSE_ICON : CHAT_ICON;
    bubble.appendChild(badge);
    bubble.setAttribute('aria-label', open ? texts.close : texts.open);
    bubble.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    root.toggleAttribute('data-open', open);
    lockPageScroll(open);
  };

  const loadChat = (): Promise<ChatController> => {
    if (!chat) {
      const loading = document.createElement('div');
      loading.className = 'sb-loading';
      loading.textContent = texts.loading;
      panel.replaceChildren(loading);
      chat = loadChatScript(chatUrl).then(
        (mountChat) => {
          panel.replaceChildren();
          return mountChat({
            root: panel,
            styleRoot: shadow,
            apiBase: scriptUrl.origin,
            inboxId,
            identity: userId && userHash ? { userId, hmac: userHash } : null,
            locale,
            onUnread: (count) => {
              badge.hidden = count === 0;
              badge.textContent = count > 9 ? '9+' : String(count);
            },
            onAccent: (color) => root.style.setProperty('--sb-accent', color),
            requestClose: () => setOpen(false),
          });
        },
        (error: unknown) => {
          chat = null;
          loading.textContent = texts.failed;
          throw error;
        },
      );
    }
    return chat;
  };

  const setOpen = (next: boolean) => {
    open = next;
    render();
    if (open || chat)
      loadChat().then(
        (c) => c.setOpen(open),
        () => undefined,
      );
  };

  bubble.addEventListener('click', () => setOpen(!open));
  render();

  // The link in a follow-up email ends in #sb-chat: open the conversation straight away.
  if (location.hash === '#sb-chat') setOpen(true);
  else if (hasStoredVisitor(inboxId)) loadChat().catch(() => undefined);
}

function loadChatScript(url: string): Promise<MountChat> {
  const win = window as LoaderWindow;
  return new Promise((resolve, reject) => {
    if (win.SwitchboardWidgetChat) return resolve(win.SwitchboardWidgetChat.mountChat);
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () =>
      win.SwitchboardWidgetChat
        ? resolve(win.SwitchboardWidgetChat.mountChat)
        : reject(new Error('chat.js is invalid'));
    script.onerror = () => {
      script.remove();
      reject(new Error('chat.js failed to load'));
    };
    document.head.appendChild(script);
  });
}

function hasStoredVisitor(inboxId: string): boolean {
  try {
    return localStorage.getItem(tokenStorageKey(inboxId)) !== null;
  } catch {
    return false;
  }
}

const current = document.currentScript;
const win = window as LoaderWindow;
if (current instanceof HTMLScriptElement && !win.__switchboardWidget) {
  win.__switchboardWidget = true;
  if (document.body) start(current);
  else document.addEventListener('DOMContentLoaded', () => start(current), { once: true });
}
