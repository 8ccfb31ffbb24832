import type { InboxDto, PortalSettingsDto } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { errorText } from '../../../shared/api/error-text';
import { CopyUrl } from '../../settings/components/copy-url';
import { portalSettingsApi } from '../api/portal-settings-api';

/** The kinds the portal can file a request in (the server refuses others). */
const TARGET_KINDS: readonly InboxDto['kind'][] = ['email', 'api'];

/**
 * Settings → Customer portal: the sign-in address to link from a help page or mail footer, and the
 * inbox New requests go to (its pre-chat fields are the form's extra questions). Admins choose;
 * everyone else reads.
 */
export function PortalSettingsPanel({
  inboxes,
  readOnly,
}: {
  inboxes: readonly InboxDto[];
  readOnly: boolean;
}) {
  const [settings, setSettings] = useState<PortalSettingsDto | null>(null);
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const targets = inboxes.filter((i) => TARGET_KINDS.includes(i.kind));

  const show = (dto: PortalSettingsDto) => {
    setSettings(dto);
    setTarget(dto.targetInboxId ?? '');
  };

  useEffect(() => {
    let live = true;
    portalSettingsApi.get().then(
      (dto) => live && show(dto),
      (error: unknown) =>
        live &&
        setMessage({ text: t('portal.failed', { message: errorText(error) }), error: true }),
    );
    return () => {
      live = false;
    };
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      show(await portalSettingsApi.save({ targetInboxId: target || null }));
      setMessage({ text: t('portal.saved'), error: false });
    } catch (error) {
      setMessage({ text: t('portal.failed', { message: errorText(error) }), error: true });
    }
  };

  const effective = inboxes.find((i) => i.id === settings?.effectiveInboxId);
  return (
    <div className="settings__detail" data-testid="portal-settings">
      <h2>{t('portal.title')}</h2>
      <p className="settings-hint">{t('portal.hint')}</p>
      {settings && (
        <CopyUrl
          label="portal.sign_in_url"
          url={`${window.location.origin}${settings.signInPath}`}
          testId="portal-sign-in-url"
        />
      )}
      {settings && (
        <form onSubmit={save}>
          <label className="field">
            <span>{t('portal.target')}</span>
            <select
              className="select"
              value={target}
              disabled={readOnly}
              data-testid="portal-target"
              onChange={(e) => setTarget(e.target.value)}
            >
              <option value="">{t('portal.target.default')}</option>
              {targets.map((inbox) => (
                <option key={inbox.id} value={inbox.id}>
                  {inbox.name}
                </option>
              ))}
            </select>
          </label>
          <p className="settings-hint" data-testid="portal-effective">
            {effective
              ? t('portal.effective', { inbox: effective.name })
              : t('portal.effective.none')}
          </p>
          {!readOnly && (
            <button type="submit" className="button button--small" data-testid="portal-save">
              {t('portal.save')}
            </button>
          )}
        </form>
      )}
      {message && (
        <p
          className={message.error ? 'form-error' : 'settings-hint'}
          role={message.error ? 'alert' : 'status'}
          data-testid="portal-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
