import type {
  ContactMergeFieldDto,
  ContactMergePicks,
  ContactMergePreviewDto,
} from '@switchboard/contracts';
import { useRef, useEffect, useMemo, useState } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { t, tp } from '../../../i18n/i18n';
import { displayName, displayText } from '../../../shared/text/display-text';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useContactCardStore } from '../store/contact-card-store';
import { contactMergeApi } from './contact-merge-api';
import { useContactMergeStore } from './contact-merge-store';
import { mergeFieldLabel, mergeValueText, mergeWarningText } from './merge-text';
import { errorText } from '../../../shared/api/error-text';

type Choice = 'survivor' | 'other' | 'both';

/** The operator's choices as the API takes them. */
function toPicks(choices: Record<string, Choice>): ContactMergePicks {
  const picks: ContactMergePicks = {};
  for (const [field, choice] of Object.entries(choices)) {
    if (field.startsWith('attributes.')) {
      if (choice === 'both') continue;
      picks.attributes = { ...picks.attributes, [field.slice('attributes.'.length)]: choice };
    } else if (field === 'notes') picks.notes = choice;
    else if ((field === 'name' || field === 'email' || field === 'phone') && choice !== 'both')
      picks[field] = choice;
  }
  return picks;
}

function resultOf(f: ContactMergeFieldDto, choice: Choice | undefined) {
  if (!f.conflict || !choice) return f.result;
  if (choice === 'other') return f.other;
  if (choice === 'both') return `${String(f.survivor)}\n\n${String(f.other)}`;
  return f.survivor;
}

/**
 * What merging `otherId` into this card does: the identities and conversations that join, each
 * value that stays (with a choice where both cards have a different one), warnings; then confirm.
 */
export function MergePreviewDialog({
  survivorId,
  otherId,
  onClose,
}: {
  survivorId: string;
  otherId: string;
  onClose: () => void;
}) {
  const [preview, setPreview] = useState<ContactMergePreviewDto | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const defs = useContactCardStore((s) => s.attributes);
  const labels = useMemo(() => Object.fromEntries(defs.map((d) => [d.key, d.label])), [defs]);

  useEffect(() => {
    let live = true;
    contactMergeApi
      .preview(survivorId, otherId)
      .then((p) => live && setPreview(p))
      .catch(
        (err: unknown) => live && setError(t('contact_merge.failed', { message: errorText(err) })),
      );
    return () => {
      live = false;
    };
  }, [survivorId, otherId]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await useContactMergeStore.getState().merge(survivorId, otherId, toPicks(choices));
      useToastStore.getState().show(t('contact_merge.merged'));
      onClose();
    } catch (err) {
      setError(t('contact_merge.failed', { message: errorText(err) }));
      setBusy(false);
    }
  };

  const name = (c: { name: string | null; email: string | null; phone: string | null }) =>
    displayName(c.name, c.email ?? c.phone ?? t('contact_merge.unnamed'));

  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(dialogRef);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        ref={dialogRef}
        className="dialog contact-merge-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="contact-merge-title"
        data-testid="contact-merge-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="contact-merge-title">
          {preview
            ? t('contact_merge.dialog.title', {
                other: name(preview.other),
                survivor: name(preview.survivor),
              })
            : t('contact_merge.dialog.loading')}
        </h2>
        {preview && (
          <>
            <section aria-label={t('contact_merge.dialog.joins')}>
              <h3>{t('contact_merge.dialog.joins')}</h3>
              <p>{tp('contact_merge.dialog.identities', preview.identities.length)}</p>
              <ul className="contact-merge__list" data-testid="contact-merge-identities">
                {preview.identities.map((i) => (
                  <li key={i.id}>
                    <ChannelIcon channel={i.channel} size={14} />{' '}
                    <bdi>{displayText(i.inboxName)}</bdi>{' '}
                    <span dir="ltr">{displayText(i.displayName ?? i.externalId)}</span>
                  </li>
                ))}
              </ul>
              <p data-testid="contact-merge-conversation-counts">
                {t('contact_merge.dialog.conversations', preview.conversationCounts)}
              </p>
              <ul className="contact-merge__list">
                {preview.conversations.map((c) => (
                  <li key={c.id} data-testid="contact-merge-conversation">
                    <ChannelIcon channel={c.channel} size={14} />{' '}
                    {t('contact_merge.dialog.conversation', { number: c.number })}{' '}
                    <span className={`contact-status contact-status--${c.status}`}>
                      {t(`contact.status.${c.status}`)}
                    </span>{' '}
                    <bdi>{c.subject ? displayText(c.subject) : ''}</bdi>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label={t('contact_merge.dialog.values')}>
              <h3>{t('contact_merge.dialog.values')}</h3>
              <table className="contact-merge__fields" data-testid="contact-merge-fields">
                <thead>
                  <tr>
                    <th scope="col">{t('contact_merge.dialog.field')}</th>
                    <th scope="col">{t('contact_merge.dialog.this_card')}</th>
                    <th scope="col">{t('contact_merge.dialog.other_card')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.fields.map((f) => (
                    <FieldRow
                      key={f.field}
                      field={f}
                      label={mergeFieldLabel(f.field, labels)}
                      choice={choices[f.field]}
                      onChoose={(c) => setChoices((s) => ({ ...s, [f.field]: c }))}
                    />
                  ))}
                </tbody>
              </table>
            </section>
            {preview.warnings.length > 0 && (
              <ul className="contact-merge__warnings" data-testid="contact-merge-warnings">
                {preview.warnings.map((w) => (
                  <li key={w.code}>{mergeWarningText(w, labels)}</li>
                ))}
              </ul>
            )}
            <p className="settings-hint">{t('contact_merge.dialog.undo_hint')}</p>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('contact_merge.dialog.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="contact-merge-confirm"
            disabled={!preview || busy}
            onClick={() => void confirm()}
          >
            {busy ? t('contact_merge.dialog.merging') : t('contact_merge.dialog.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** One field: both values, and where they differ a choice of which stays. */
function FieldRow({
  field,
  label,
  choice,
  onChoose,
}: {
  field: ContactMergeFieldDto;
  label: string;
  choice: Choice | undefined;
  onChoose: (choice: Choice) => void;
}) {
  const chosen = choice ?? (field.winner === 'both' ? 'both' : field.winner);
  const result = resultOf(field, choice);
  const option = (side: Choice, value: ContactMergeFieldDto['survivor']) =>
    field.conflict ? (
      <label className="contact-merge__choice">
        <input
          type="radio"
          name={`merge-${field.field}`}
          data-testid={`contact-merge-pick-${field.field}-${side}`}
          checked={chosen === side}
          onChange={() => onChoose(side)}
        />
        <span dir="auto">{displayText(mergeValueText(value))}</span>
      </label>
    ) : (
      <span
        dir="auto"
        className={result === value && value !== null ? 'contact-merge__kept' : undefined}
      >
        {displayText(mergeValueText(value))}
      </span>
    );
  return (
    <tr data-testid="contact-merge-field" data-field={field.field} data-conflict={field.conflict}>
      <th scope="row">{label}</th>
      <td>{option('survivor', field.survivor)}</td>
      <td>
        {option('other', field.other)}
        {field.conflict && field.field === 'notes' && (
          <label className="contact-merge__choice">
            <input
              type="radio"
              name={`merge-${field.field}`}
              data-testid="contact-merge-pick-notes-both"
              checked={chosen === 'both'}
              onChange={() => onChoose('both')}
            />
            <span>{t('contact_merge.dialog.both')}</span>
          </label>
        )}
      </td>
    </tr>
  );
}
