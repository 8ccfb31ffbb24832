import type { ConversationSummaryDto, MessageTemplateDto } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useAuthStore } from '../../auth/store/auth-store';
import { sendMessage } from '../store/send-message';
import { useTemplatesStore } from '../store/templates-store';
import {
  filledVariables,
  isSendable,
  missingVariables,
  orderTemplates,
  templatePreview,
  variablesOf,
} from '../utils/template-choice';
import './template-composer.css';

const NO_TEMPLATES: MessageTemplateDto[] = [];

/**
 * The composer once the reply window has closed: says why, lists the inbox's templates (only
 * approved ones can be chosen), asks for a value per variable with a live preview, and sends the
 * template. Keyed by conversation by the caller, so a half-filled template stays where it was.
 */
export function TemplateComposer({
  conversation,
  modes,
}: {
  conversation: ConversationSummaryDto;
  modes: ReactNode;
}) {
  const operator = useAuthStore((s) => s.operator);
  const entry = useTemplatesStore((s) => s.byInbox[conversation.inboxId]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});

  useEffect(() => {
    void useTemplatesStore.getState().load(conversation.inboxId);
  }, [conversation.inboxId]);

  const templates = orderTemplates(entry?.items ?? NO_TEMPLATES);
  const chosen = templates.find((tpl) => tpl.id === chosenId && isSendable(tpl)) ?? null;
  const missing = chosen ? missingVariables(chosen, values) : [];
  const canSend = chosen !== null && missing.length === 0 && operator !== null;
  const idBase = `template-${conversation.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !canSend || !operator) return;
    void sendMessage(conversation, operator, 'message', '', {
      template: {
        id: chosen.id,
        variables: filledVariables(chosen, values),
        body: chosen.body,
      },
    });
    setChosenId(null);
    setValues({});
  };

  return (
    <form
      className="composer composer--message composer--templates"
      data-testid="template-composer"
      aria-describedby={`${idBase}-notice`}
      onSubmit={submit}
    >
      {modes}
      <p
        className="template-composer__notice"
        id={`${idBase}-notice`}
        data-testid="window-closed-notice"
      >
        <Icon name="clock" size={14} />
        <span>{t('composer.window_closed_notice')}</span>
      </p>
      {entry?.phase === 'loading' && (
        <p className="composer__hint" aria-busy="true">
          {t('composer.templates.loading')}
        </p>
      )}
      {entry?.phase === 'error' && (
        <p className="form-error" role="alert">
          {t('composer.templates.error', { message: entry.error ?? '' })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void useTemplatesStore.getState().load(conversation.inboxId)}
          >
            {t('composer.templates.retry')}
          </button>
        </p>
      )}
      {entry?.phase === 'ready' && templates.length === 0 && (
        <p className="composer__hint" data-testid="templates-empty">
          {t('composer.templates.empty')}
        </p>
      )}
      {templates.length > 0 && (
        <fieldset className="template-picker" data-testid="template-picker">
          <legend>{t('composer.templates.legend')}</legend>
          {templates.map((tpl) => (
            <TemplateOption
              key={tpl.id}
              template={tpl}
              name={idBase}
              checked={chosen?.id === tpl.id}
              onChoose={() => {
                setChosenId(tpl.id);
                setValues({});
              }}
            />
          ))}
        </fieldset>
      )}
      {chosen && (
        <div className="template-fill" data-testid="template-fill">
          {variablesOf(chosen).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`${idBase}-var-${name}`}>
                {t('composer.templates.variable', { name })}
              </label>
              <input
                id={`${idBase}-var-${name}`}
                data-testid={`template-variable-${name}`}
                dir="auto"
                required
                maxLength={1024}
                value={values[name] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              />
            </div>
          ))}
          <figure className="template-preview">
            <figcaption>{t('composer.templates.preview')}</figcaption>
            <p dir="auto" data-testid="template-preview" className="template-preview__text">
              {templatePreview(chosen, values)}
            </p>
          </figure>
        </div>
      )}
      <div className="composer__footer">
        <span className="composer__hint">
          {chosen && missing.length > 0 ? t('composer.templates.fill_all') : ''}
        </span>
        <button
          type="submit"
          className="button button--primary"
          data-testid="template-send"
          disabled={!canSend}
        >
          {t('composer.templates.send')}
        </button>
      </div>
    </form>
  );
}

/** One template as a radio: name, language, its text; not approved ones disabled, saying why. */
function TemplateOption({
  template,
  name,
  checked,
  onChoose,
}: {
  template: MessageTemplateDto;
  name: string;
  checked: boolean;
  onChoose: () => void;
}) {
  const sendable = isSendable(template);
  return (
    <label
      className={`template-option${sendable ? '' : ' template-option--disabled'}`}
      data-testid="template-option"
      data-template-id={template.id}
      data-approval={template.approval}
    >
      <input
        type="radio"
        name={name}
        value={template.id}
        checked={checked}
        disabled={!sendable}
        onChange={onChoose}
      />
      <span className="template-option__head">
        <bdi className="template-option__name">{template.name}</bdi>
        <span className="template-option__language" dir="ltr">
          {template.language}
        </span>
        <span
          className={`chip template-option__approval template-option__approval--${template.approval}`}
        >
          {t(`composer.templates.approval.${template.approval}`)}
        </span>
      </span>
      <span className="template-option__body" dir="auto">
        {template.body}
      </span>
    </label>
  );
}
