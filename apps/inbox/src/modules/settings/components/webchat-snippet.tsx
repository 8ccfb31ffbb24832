import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { inboxesAdminApi, type WebchatSnippetDto } from '../api/inboxes-admin-api';
import { errorText } from '../../../shared/api/error-text';

function CodeBox({ code, testId }: { code: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard permission (insecure origin): the text stays selectable in the box.
      setCopied(false);
    }
  };
  return (
    <div className="code-box">
      <pre data-testid={testId} dir="ltr">
        <code>{code}</code>
      </pre>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {copied ? t('settings.snippet.copied') : t('settings.snippet.copy')}
      </button>
    </div>
  );
}

/** The script tag a site owner pastes, read-only with a Copy button. */
export function WebchatSnippet({ inboxId }: { inboxId: string }) {
  const [snippet, setSnippet] = useState<WebchatSnippetDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setSnippet(null);
    setError(null);
    inboxesAdminApi.webchatSnippet(inboxId, controller.signal).then(setSnippet, (e: unknown) => {
      if (!controller.signal.aborted) setError(errorText(e));
    });
    return () => controller.abort();
  }, [inboxId]);

  return (
    <section className="settings-panel" data-testid="webchat-snippet-panel">
      <h3>{t('settings.snippet.title')}</h3>
      {error && (
        <p className="form-error" role="alert">
          {t('settings.snippet.error', { message: error })}
        </p>
      )}
      {snippet && (
        <>
          <p className="settings-hint">{t('settings.snippet.hint')}</p>
          <CodeBox code={snippet.snippet} testId="webchat-snippet" />
          <h4>{t('settings.snippet.identity')}</h4>
          <CodeBox code={snippet.identitySnippet} testId="webchat-identity-snippet" />
        </>
      )}
    </section>
  );
}
