import type { ContactImportRowError } from '@switchboard/contracts';
import { useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { ApiError } from '../../../shared/api/http-client';
import { useToastStore } from '../../../shared/ui/toast-store';
import { contactsApi } from '../api/contacts-api';
import { errorText } from '../../../shared/api/error-text';

/** The admin's CSV import and export: a refused file lists its problems by row. */
export function ContactsImportExport({ onImported }: { onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<ContactImportRowError[]>([]);
  const [error, setError] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setProblems([]);
    setError(null);
    try {
      const result = await contactsApi.importCsv(await file.text());
      useToastStore
        .getState()
        .show(t('contacts.imported', { created: result.created, updated: result.updated }));
      onImported();
    } catch (e) {
      const details =
        e instanceof ApiError
          ? (e.details as { errors?: ContactImportRowError[] } | undefined)
          : undefined;
      setError(errorText(e));
      setProblems(details?.errors ?? []);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <a
        className="button"
        href={contactsApi.exportUrl}
        download="contacts.csv"
        data-testid="contacts-export"
      >
        {t('contacts.export')}
      </a>
      <button
        type="button"
        className="button"
        data-testid="contacts-import"
        onClick={() => input.current?.click()}
      >
        {t('contacts.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="contacts-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      {error && (
        <div className="form-error" role="alert" data-testid="contacts-import-error">
          <p>{t('contacts.import_failed', { message: error })}</p>
          {problems.length > 0 && (
            <ul className="contacts-import-errors">
              {problems.map((p) => (
                <li key={`${p.row}-${p.message}`}>
                  {t('contacts.import_row', { row: p.row, message: p.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
