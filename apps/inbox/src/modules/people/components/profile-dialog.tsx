import { useEffect, useRef, useState, type FormEvent } from 'react';
import { setTimeZone } from '../../../i18n/format';
import { setLocale, t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { peopleApi } from '../api/people-api';
import {
  OperatorSignatureField,
  useOperatorSignature,
} from '../../email-replies/components/operator-signature-field';

/** Languages the operator can pick; the UI falls back to English for missing strings. */
const LANGUAGES = ['en', 'en-GB', 'de', 'fr', 'es', 'bg', 'ru', 'ar'] as const;

/** The zones this browser knows, for the picker (falls back to a free text field). */
function knownTimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/** One's own name, avatar, time zone, language and email signature (the password has its own dialog). */
export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const operator = useAuthStore((s) => s.operator);
  const [name, setName] = useState(operator?.name ?? '');
  const [avatarUrl, setAvatarUrl] = useState('');
  const [timezone, setTimezone] = useState(operator?.timezone ?? 'UTC');
  const [locale, setLanguage] = useState(operator?.locale ?? 'en');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const signature = useOperatorSignature();
  const firstRef = useRef<HTMLInputElement>(null);
  const zones = knownTimeZones();

  useEffect(() => firstRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const member = await peopleApi.updateProfile({
        name: name.trim(),
        timezone,
        locale,
        ...(avatarUrl.trim() ? { avatarUrl: avatarUrl.trim() } : {}),
      });
      await signature.save();
      useAuthStore.setState((s) => ({
        operator: s.operator && {
          ...s.operator,
          name: member.name,
          timezone: member.timezone,
          locale: member.locale,
        },
      }));
      setLocale(member.locale);
      setTimeZone(member.timezone);
      setSaved(true);
    } catch (err) {
      setError(t('profile.error', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="profile-title"
        data-testid="profile-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onSubmit={submit}
      >
        <h2 id="profile-title">{t('profile.title')}</h2>
        <label className="field">
          <span>{t('profile.name')}</span>
          <input
            ref={firstRef}
            name="name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('profile.avatar_url')}</span>
          <input
            name="avatarUrl"
            type="url"
            maxLength={2000}
            value={avatarUrl}
            onChange={(e) => setAvatarUrl(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('profile.timezone')}</span>
          {zones.length > 0 ? (
            <select name="timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
              {!zones.includes(timezone) && <option value={timezone}>{timezone}</option>}
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          ) : (
            <input name="timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)} />
          )}
        </label>
        <label className="field">
          <span>{t('profile.language')}</span>
          <select name="locale" value={locale} onChange={(e) => setLanguage(e.target.value)}>
            {!(LANGUAGES as readonly string[]).includes(locale) && (
              <option value={locale}>{locale}</option>
            )}
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <OperatorSignatureField signature={signature} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {saved && <p role="status">{t('profile.saved')}</p>}
        <div className="dialog__actions">
          <button className="button button--primary" type="submit" disabled={busy}>
            {busy ? t('profile.saving') : t('profile.save')}
          </button>
          <button className="button" type="button" onClick={onClose}>
            {t('profile.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
