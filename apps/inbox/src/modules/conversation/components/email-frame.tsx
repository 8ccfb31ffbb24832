import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useConversationStore } from '../store/conversation-store';
import { buildEmailDocument, hasRemoteImages, revealRemoteImages } from '../utils/email-html';

interface EmailFrameProps {
  messageId: string;
  html: string;
  sender: string;
}

/**
 * Shows an email body in a sandboxed frame: no scripts, links open outside, remote images blocked
 * by CSP until the operator clicks "Show images". allow-same-origin without allow-scripts lets us
 * read the height to size the frame while the content itself still cannot run code.
 */
export function EmailFrame({ messageId, html, sender }: EmailFrameProps) {
  const allowed = useConversationStore((s) => Boolean(s.remoteImagesAllowed[messageId]));
  const allow = useConversationStore((s) => s.allowRemoteImages);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(80);
  const remote = useMemo(() => hasRemoteImages(html), [html]);
  const doc = useMemo(() => buildEmailDocument(html, allowed), [html, allowed]);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return undefined;
    let observer: ResizeObserver | null = null;
    const measure = () => {
      const body = frame.contentDocument?.documentElement;
      if (body) setHeight(Math.min(Math.max(body.scrollHeight, 24), 4000));
    };
    const onLoad = () => {
      if (allowed && frame.contentDocument) revealRemoteImages(frame.contentDocument);
      measure();
      const body = frame.contentDocument?.body;
      if (body && typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(measure);
        observer.observe(body);
      }
    };
    frame.addEventListener('load', onLoad);
    return () => {
      frame.removeEventListener('load', onLoad);
      observer?.disconnect();
    };
  }, [doc, allowed]);

  return (
    <div className="email">
      {remote && !allowed && (
        <div className="email__blocked" data-testid="remote-images-blocked">
          <span>{t('email.images_blocked')}</span>
          <button type="button" className="link-button" onClick={() => allow(messageId)}>
            {t('email.show_images')}
          </button>
        </div>
      )}
      <iframe
        ref={frameRef}
        className="email__frame"
        title={t('email.frame_title', { sender })}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={doc}
        style={{ blockSize: height }}
      />
    </div>
  );
}
