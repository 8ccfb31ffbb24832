import type { ConversationSummaryDto } from '@switchboard/contracts';
import { useRef, useEffect, useState, type FormEvent } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { t } from '../../../i18n/i18n';
import { conversationMergeApi } from '../api/conversation-merge-api';
import { mergeConversations } from '../store/merge-commands';
import { loadMergeCandidates, type MergeCandidate } from '../utils/merge-candidates';

type Step = { kind: 'pick' } | { kind: 'confirm'; target: MergeCandidate; otherCustomer: boolean };

/**
 * "Merge into…": pick one of the customer's other conversations (or any by number), then confirm
 * with both numbers named. A conversation of another customer needs a second, explicit yes.
 */
export function MergeDialog({
  conversation,
  onClose,
}: {
  conversation: ConversationSummaryDto;
  onClose: () => void;
}) {
  const [candidates, setCandidates] = useState<MergeCandidate[] | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadMergeCandidates(conversation).then(setCandidates);
  }, [conversation]);

  const findByNumber = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(number.replace(/^#/, '').trim());
    if (!Number.isInteger(wanted) || wanted <= 0 || wanted === conversation.number)
      return setError(t('merge.dialog.not_found', { number }));
    for (const status of ['open', 'snoozed', 'closed'] as const) {
      const page = await conversationMergeApi.findByNumber(wanted, status).catch(() => null);
      const found = page?.items.find((c) => c.number === wanted);
      if (found) {
        setError(null);
        return setStep({
          kind: 'confirm',
          target: { id: found.id, number: found.number, inboxName: '', status: found.status },
          otherCustomer: found.contact.id !== conversation.contact.id,
        });
      }
    }
    setError(t('merge.dialog.not_found', { number: wanted }));
  };

  const submit = async (confirm: boolean) => {
    if (step.kind !== 'confirm') return;
    setBusy(true);
    const outcome = await mergeConversations(conversation.id, step.target.id, confirm);
    setBusy(false);
    if (outcome.kind === 'merged') return onClose();
    if (outcome.kind === 'needs_confirmation') return setStep({ ...step, otherCustomer: true });
    setError(t('merge.failed', { message: outcome.message }));
  };

  const source = conversation.number;
  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(dialogRef);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        ref={dialogRef}
        className="dialog merge-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="merge-dialog-title"
        data-testid="merge-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="merge-dialog-title">{t('merge.dialog.title', { number: source })}</h2>
        {step.kind === 'pick' ? (
          <>
            <p>{t('merge.dialog.intro', { number: source })}</p>
            <h3>{t('merge.dialog.same_customer')}</h3>
            {candidates === null ? (
              <p aria-busy="true">{t('merge.dialog.loading')}</p>
            ) : candidates.length === 0 ? (
              <p>{t('merge.dialog.none')}</p>
            ) : (
              <ul className="merge-dialog__list">
                {candidates.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="button"
                      data-testid="merge-candidate"
                      data-number={c.number}
                      onClick={() => setStep({ kind: 'confirm', target: c, otherCustomer: false })}
                    >
                      {t('merge.dialog.candidate', {
                        number: c.number,
                        inbox: c.inboxName,
                        status: t(`merge.status.${c.status}`),
                      })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form className="merge-dialog__by-number" onSubmit={(e) => void findByNumber(e)}>
              <label className="field">
                <span>{t('merge.dialog.by_number')}</span>
                <input
                  name="number"
                  inputMode="numeric"
                  maxLength={12}
                  value={number}
                  onChange={(e) => setNumber(e.target.value)}
                />
              </label>
              <button type="submit" className="button">
                {t('merge.dialog.find')}
              </button>
            </form>
          </>
        ) : (
          <>
            <p data-testid="merge-confirm-text">
              {step.otherCustomer
                ? t('merge.dialog.other_customer', { source, target: step.target.number })
                : t('merge.dialog.confirm', { source, target: step.target.number })}
            </p>
            <p>{t('merge.dialog.confirm_body', { source, target: step.target.number })}</p>
          </>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="merge-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          {step.kind === 'confirm' && (
            <button
              type="button"
              className="button button--primary"
              data-testid="merge-submit"
              disabled={busy}
              onClick={() => void submit(step.otherCustomer)}
            >
              {t(step.otherCustomer ? 'merge.dialog.submit_anyway' : 'merge.dialog.submit')}
            </button>
          )}
          {step.kind === 'confirm' && (
            <button type="button" className="button" onClick={() => setStep({ kind: 'pick' })}>
              {t('merge.dialog.back')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('merge.dialog.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
