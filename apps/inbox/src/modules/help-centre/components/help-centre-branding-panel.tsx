import type { HelpCentreBrandingDto } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { errorText } from '../../../shared/api/error-text';
import { helpCentreApi } from '../api/help-centre-api';

/**
 * The public help centre's logo and colour (one for the account), shown with the web chat inbox
 * whose widget offers its articles: read by everyone, set by admins.
 */
export function HelpCentreBrandingPanel({ readOnly }: { readOnly: boolean }) {
  const [branding, setBranding] = useState<HelpCentreBrandingDto | null>(null);
  const [logoUrl, setLogoUrl] = useState('');
  const [color, setColor] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const show = (dto: HelpCentreBrandingDto) => {
    setBranding(dto);
    setLogoUrl(dto.logoUrl ?? '');
    setColor(dto.color ?? '');
  };

  useEffect(() => {
    let live = true;
    helpCentreApi.branding().then(
      (dto) => live && show(dto),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      show(
        await helpCentreApi.saveBranding({
          logoUrl: logoUrl.trim() || null,
          color: color.trim() || null,
        }),
      );
      setMessage({ text: t('help_centre.branding.saved'), error: false });
    } catch (error) {
      setMessage({
        text: t('help_centre.branding.failed', { message: errorText(error) }),
        error: true,
      });
    }
  };

  if (!branding) return null;
  return (
    <section
      className="settings-section"
      data-testid="help-centre-branding"
      aria-labelledby="help-centre-branding-title"
    >
      <h3 id="help-centre-branding-title">{t('help_centre.branding.title')}</h3>
      <p className="settings-hint">
        {t('help_centre.branding.hint')}{' '}
        <a href={branding.url} target="_blank" rel="noopener noreferrer">
          {branding.url}
        </a>
      </p>
      {!readOnly && (
        <form onSubmit={save}>
          <label className="field">
            <span>{t('help_centre.branding.logo')}</span>
            <input
              name="logoUrl"
              type="url"
              placeholder="https://"
              value={logoUrl}
              onChange={(e) => setLogoUrl(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('help_centre.branding.color')}</span>
            <input
              name="color"
              type="text"
              placeholder="#2563eb"
              pattern="#[0-9a-fA-F]{6}"
              value={color}
              onChange={(e) => setColor(e.target.value)}
            />
          </label>
          <button type="submit" className="button button--small">
            {t('help_centre.branding.save')}
          </button>
          {message && (
            <p className={message.error ? 'form-error' : 'settings-hint'} role="status">
              {message.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
