import { formatAddress, MAX_EMAIL_COPIES } from '@switchboard/contracts';
import { useEffect, useId } from 'react';
import { t } from '../../../i18n/i18n';
import { EMPTY_EMAIL_DRAFT, readCopies, useEmailReplyStore } from '../store/email-reply-store';
import './email-reply-fields.css';

/**
 * Above an email reply: "Reply" (the customer) or "Reply all" (Cc everyone else on the thread),
 * editable Cc and Bcc, and what the email adds that the timeline will not show (the signature and
 * the quoted message). `refreshKey` changes when the thread does, so "Reply all" stays current.
 */
export function EmailReplyFields({
  conversationId,
  refreshKey,
}: {
  conversationId: string;
  refreshKey: string;
}) {
  const state = useEmailReplyStore((s) => s.contexts[conversationId]);
  const draft = useEmailReplyStore((s) => s.drafts[conversationId] ?? EMPTY_EMAIL_DRAFT);
  const { setDraft, chooseAll } = useEmailReplyStore.getState();
  const ccId = useId();
  const bccId = useId();

  useEffect(() => {
    void useEmailReplyStore.getState().load(conversationId);
  }, [conversationId, refreshKey]);

  const context = state?.phase === 'ready' ? state.context : null;
  const everyone = context?.replyAll ?? [];
  const copies = readCopies(draft);

  return (
    <div className="email-reply" data-testid="email-reply">
      <div className="email-reply__choice" role="radiogroup" aria-label={t('email_reply.choice')}>
        {([false, true] as const).map((all) => (
          <button
            key={String(all)}
            type="button"
            role="radio"
            aria-checked={draft.all === all}
            className="composer__mode"
            data-testid={all ? 'email-reply-all' : 'email-reply-one'}
            disabled={all && everyone.length === 0}
            onClick={() => chooseAll(conversationId, all)}
          >
            {all ? t('email_reply.reply_all', { count: everyone.length }) : t('email_reply.reply')}
          </button>
        ))}
      </div>
      {context?.to && (
        <div className="email-reply__row">
          <span className="email-reply__label">{t('email_reply.to')}</span>
          <bdi className="email-reply__to" data-testid="email-to">
            {formatAddress(context.to)}
          </bdi>
        </div>
      )}
      <div className="email-reply__row">
        <label className="email-reply__label" htmlFor={ccId}>
          {t('email_reply.cc')}
        </label>
        <input
          id={ccId}
          className="email-reply__input"
          data-testid="email-cc"
          dir="ltr"
          value={draft.cc}
          placeholder={t('email_reply.copies_hint')}
          onChange={(e) => setDraft(conversationId, { cc: e.target.value })}
        />
        {!draft.showBcc && (
          <button
            type="button"
            className="link-button"
            data-testid="email-add-bcc"
            onClick={() => setDraft(conversationId, { showBcc: true })}
          >
            {t('email_reply.add_bcc')}
          </button>
        )}
      </div>
      {draft.showBcc && (
        <div className="email-reply__row">
          <label className="email-reply__label" htmlFor={bccId}>
            {t('email_reply.bcc')}
          </label>
          <input
            id={bccId}
            className="email-reply__input"
            data-testid="email-bcc"
            dir="ltr"
            value={draft.bcc}
            placeholder={t('email_reply.copies_hint')}
            onChange={(e) => setDraft(conversationId, { bcc: e.target.value })}
          />
        </div>
      )}
      {copies.invalid.length > 0 && (
        <p className="form-error" role="alert" data-testid="email-copies-error">
          {t('email_reply.invalid', { list: copies.invalid.join(', ') })}
        </p>
      )}
      {copies.tooMany && (
        <p className="form-error" role="alert">
          {t('email_reply.too_many', { max: MAX_EMAIL_COPIES })}
        </p>
      )}
      {state?.phase === 'failed' && (
        <p className="form-error" role="alert">
          {t('email_reply.context_failed', { message: state.message })}
        </p>
      )}
      {context && (
        <div className="email-reply__signature" data-testid="email-signature">
          {context.signature ? (
            <>
              <span>{t('email_reply.signature_note')}</span>
              <pre dir="auto">{context.signature}</pre>
            </>
          ) : (
            <span>{t('email_reply.no_signature')}</span>
          )}
        </div>
      )}
    </div>
  );
}
