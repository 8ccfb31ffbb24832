import {
  CONVERSATION_PRIORITIES,
  SLA_TARGETS,
  type ConversationPriority,
  type SlaPolicyDto,
} from '@switchboard/contracts';
import { useCallback, useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { slaPoliciesApi } from '../api/sla-policies-api';
import { errorText } from '../../../shared/api/error-text';

const minutesOf = (p: SlaPolicyDto) => ({
  first_response: p.firstResponseMinutes,
  next_response: p.nextResponseMinutes,
  resolution: p.resolutionMinutes,
});
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** The inbox's SLA policies: one per priority (or for any priority); admins add and remove. */
export function SlaPoliciesPanel({ inboxId, readOnly }: { inboxId: string; readOnly: boolean }) {
  const [policies, setPolicies] = useState<SlaPolicyDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [priority, setPriority] = useState<ConversationPriority | ''>('');
  const [form, setForm] = useState({ first: '', next: '', resolution: '', warn: '' });
  const [countSnoozed, setCountSnoozed] = useState(true);
  const [businessHours, setBusinessHours] = useState(true);

  const reload = useCallback(async () => {
    const all = await slaPoliciesApi.list();
    setPolicies(all.filter((p) => p.inboxId === inboxId));
  }, [inboxId]);
  useEffect(() => {
    void reload().catch((e: unknown) => setError(errorText(e)));
  }, [reload]);

  const add = async () => {
    setError(null);
    try {
      await slaPoliciesApi.create({
        inboxId,
        priority: priority || null,
        firstResponseMinutes: numberOrNull(form.first),
        nextResponseMinutes: numberOrNull(form.next),
        resolutionMinutes: numberOrNull(form.resolution),
        warningPercent: numberOrNull(form.warn),
        countSnoozed,
        businessHours,
      });
      setForm({ first: '', next: '', resolution: '', warn: '' });
      await reload();
    } catch (e) {
      setError(t('sla_policies.failed', { message: errorText(e) }));
    }
  };
  const remove = async (id: string) => {
    try {
      await slaPoliciesApi.remove(id);
      await reload();
    } catch (e) {
      setError(t('sla_policies.failed', { message: errorText(e) }));
    }
  };
  const label = (p: ConversationPriority | null) =>
    p ? t(`priority.${p}`) : t('sla_policies.any_priority');
  const field = (key: keyof typeof form, text: Parameters<typeof t>[0], testId: string) => (
    <label className="field">
      <span>{t(text)}</span>
      <input
        type="number"
        min={1}
        inputMode="numeric"
        data-testid={testId}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section className="settings-section" data-testid="sla-policies" aria-labelledby="sla-title">
      <h3 id="sla-title">{t('sla_policies.title')}</h3>
      {policies.length === 0 && <p className="settings-hint">{t('sla_policies.empty')}</p>}
      <ul className="settings-list">
        {policies.map((p) => (
          <li key={p.id} data-testid="sla-policy">
            {t('sla_policies.summary', {
              priority: label(p.priority),
              targets: SLA_TARGETS.flatMap((target) => {
                const minutes = minutesOf(p)[target];
                return minutes === null
                  ? []
                  : [
                      t('sla_policies.target_minutes', {
                        target: t(`sla.target.${target}`),
                        minutes,
                      }),
                    ];
              }).join(', '),
            })}
            {!readOnly && (
              <button
                type="button"
                className="button button--small"
                aria-label={t('sla_policies.remove', { priority: label(p.priority) })}
                onClick={() => void remove(p.id)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="field">
            <span>{t('sla_policies.priority')}</span>
            <select
              className="select"
              data-testid="sla-policy-priority"
              value={priority}
              onChange={(e) =>
                setPriority(CONVERSATION_PRIORITIES.find((p) => p === e.target.value) ?? '')
              }
            >
              <option value="">{t('sla_policies.any_priority')}</option>
              {CONVERSATION_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
          {field('first', 'sla_policies.first_response', 'sla-policy-first')}
          {field('next', 'sla_policies.next_response', 'sla-policy-next')}
          {field('resolution', 'sla_policies.resolution', 'sla-policy-resolution')}
          {field('warn', 'sla_policies.warning_percent', 'sla-policy-warn')}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={countSnoozed}
              onChange={(e) => setCountSnoozed(e.target.checked)}
            />
            {t('sla_policies.count_snoozed')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={businessHours}
              onChange={(e) => setBusinessHours(e.target.checked)}
            />
            {t('sla_policies.business_hours')}
          </label>
          <button type="submit" className="button button--small" data-testid="sla-policy-add">
            {t('sla_policies.add')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
