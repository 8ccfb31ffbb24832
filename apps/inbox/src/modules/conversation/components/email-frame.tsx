import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useConversationStore } from '../store/conversation-store';
import {
  buildEmailDocument,
  hasFoldedParts,
  hasRemoteImages,
  revealRemoteImages,
} from '../utils/email-html';

interface EmailFrameProps {
  messageId: string;
  /** The sanitized HTML, its inline `cid:` images already pointed at our files. */
  html: string;
  sender: string;
}

/** Where files are served: the one place besides `data:` the frame may load images from. */
const FILES_BASE = `${window.location.origin}/api/files/`;

/**
 * Shows an email body in a sandboxed frame: no scripts, links open outside, remote images blocked
 * by CSP until the operator clicks "Show images", quoted history and signatures folded behind a
 * toggle. allow-same-origin without allow-scripts lets us read the height to size the frame while
 * the content itself still cannot run code.
 */
export function EmailFrame({ messageId, html, sender }: EmailFrameProps) {
  const allowed = useConversationStore((s) => Boolean(s.remoteImagesAllowed[messageId]));
  const allow = useConversationStore((s) => s.allowRemoteImages);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(80);
  const [showQuoted, setShowQuoted] = useState(false);
  const remote = useMemo(() => hasRemoteImages(html), [html]);
  const folded = useMemo(() => hasFoldedParts(html), [html]);
  const doc = useMemo(
    () =>
      buildEmailDocument(html, { allowRemoteImages: allowed, showQuoted, filesBase: FILES_BASE }),
    [html, allowed, showQuoted],
  );

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
      {folded && (
        <button
          type="button"
          className="link-button email__quote-toggle"
          aria-expanded={showQuoted}
          data-testid="email-quote-toggle"
          onClick={() => setShowQuoted((v) => !v)}
        >
          {t(showQuoted ? 'email.hide_quoted' : 'email.show_quoted')}
        </button>
      )}
    </div>
  );
}
