import { useEffect, useId, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { emailRepliesApi } from '../api/email-replies-api';

/** The operator's own email signature in the profile dialog: read when it opens, saved with it. */
export interface OperatorSignature {
  value: string;
  loaded: boolean;
  setValue: (value: string) => void;
  /** Saves when it changed; throws the server's reason (an unknown placeholder). */
  save: () => Promise<void>;
}

export function useOperatorSignature(): OperatorSignature {
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    emailRepliesApi
      .signature()
      .then((s) => {
        if (!live) return;
        setValue(s.signature ?? '');
        setSaved(s.signature ?? '');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return {
    value,
    loaded: saved !== null,
    setValue,
    save: async () => {
      if (saved === null || value.trim() === saved) return;
      const stored = await emailRepliesApi.saveSignature(value);
      setValue(stored.signature);
      setSaved(stored.signature);
    },
  };
}

export function OperatorSignatureField({ signature }: { signature: OperatorSignature }) {
  const hintId = useId();
  return (
    <label className="field">
      <span>{t('profile.signature')}</span>
      <textarea
        name="signature"
        data-testid="profile-signature"
        rows={3}
        maxLength={2000}
        dir="auto"
        disabled={!signature.loaded}
        aria-describedby={hintId}
        value={signature.value}
        onChange={(e) => signature.setValue(e.target.value)}
      />
      <small className="settings-hint" id={hintId}>
        {t('profile.signature_hint')}
      </small>
    </label>
  );
}
