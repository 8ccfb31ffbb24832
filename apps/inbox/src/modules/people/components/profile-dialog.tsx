import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { setTimeZone } from '../../../i18n/format';
import { loadLocale, t, UI_LANGUAGES } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { peopleApi } from '../api/people-api';
import { browserTimeZone, rememberTimeZoneChosen } from '../utils/browser-time-zone';
import {
  OperatorSignatureField,
  useOperatorSignature,
} from '../../email-replies/components/operator-signature-field';
import { UndoSendField, useUndoSendDelay } from '../../undo-send/components/undo-send-field';
import { errorText } from '../../../shared/api/error-text';

/** Each language named in itself ("Русский", "العربية"), as pickers do everywhere. */
function endonym(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The zones this browser knows, for the picker (falls back to a free text field). Chromium lists
 * only geographic zones; UTC is added so it can be chosen on purpose.
 */
function knownTimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length > 0 && !zones.includes('UTC') ? ['UTC', ...zones] : zones;
}

/** One's own name, avatar, time zone, language and email signature (the password has its own dialog). */
export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const operator = useAuthStore((s) => s.operator);
  const [name, setName] = useState(operator?.name ?? '');
  const [avatarUrl, setAvatarUrl] = useState('');
  const [timezone, setTimezone] = useState(operator?.timezone ?? 'UTC');
  const [locale, setLanguage] = useState(operator?.locale ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const signature = useOperatorSignature();
  const undoDelay = useUndoSendDelay();
  const firstRef = useRef<HTMLInputElement>(null);
  const zones = knownTimeZones();
  const browserZone = browserTimeZone();

  useEffect(() => firstRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const member = await peopleApi.updateProfile({
        name: name.trim(),
        timezone,
        locale: locale || null,
        ...(avatarUrl.trim() ? { avatarUrl: avatarUrl.trim() } : {}),
      });
      await signature.save();
      await undoDelay.save();
      await loadLocale(member.locale);
      setTimeZone(member.timezone);
      rememberTimeZoneChosen(member.id);
      useAuthStore.setState((s) => ({
        operator: s.operator && {
          ...s.operator,
          name: member.name,
          timezone: member.timezone,
          locale: member.locale,
        },
      }));
      setSaved(true);
    } catch (err) {
      setError(t('profile.error', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const dialogRef = useRef<HTMLFormElement>(null);
  useModalFocus(dialogRef);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <form
        ref={dialogRef}
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
          <small className="dialog__hint">{t('profile.timezone_hint')}</small>
        </label>
        {browserZone !== timezone && (
          <button
            type="button"
            className="button button--small"
            data-testid="profile-timezone-browser"
            onClick={() => setTimezone(browserZone)}
          >
            {t('profile.timezone_browser', { zone: browserZone })}
          </button>
        )}
        <label className="field">
          <span>{t('profile.language')}</span>
          <select name="locale" value={locale} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">{t('profile.language.browser')}</option>
            {locale && !(UI_LANGUAGES as readonly string[]).includes(locale) && (
              <option value={locale}>{endonym(locale)}</option>
            )}
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {endonym(l)}
              </option>
            ))}
          </select>
        </label>
        <UndoSendField delay={undoDelay} />
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
