import { useEffect } from 'react';
import { useReportsStore } from '../store/reports-store';
import { hashOfParams, paramsFromHash, REPORTS_HASH } from '../utils/report-params';

/**
 * The report's choices live in the URL hash (`#/reports?period=…`), so a link shares the report.
 * Changes replace the history entry (the back button leaves Reports rather than undoing a filter);
 * a pasted or edited hash loads what it names.
 */
export function useReportHash(): void {
  useEffect(() => {
    const writeHash = () => {
      const hash = hashOfParams(useReportsStore.getState().params);
      if (window.location.hash.startsWith(REPORTS_HASH) && window.location.hash !== hash)
        window.history.replaceState(null, '', hash);
    };
    const store = useReportsStore.getState();
    void store.loadOptions();
    // Opening the screen always reads fresh figures, for what the URL names; the bare `#/reports`
    // of the nav button keeps the choices made earlier in this session.
    const named = window.location.hash.startsWith(`${REPORTS_HASH}?`);
    store.setParams(named ? paramsFromHash(window.location.hash, store.today) : store.params);
    writeHash();
    const onHashChange = () => {
      if (!window.location.hash.startsWith(REPORTS_HASH)) return;
      const { today, params, setParams } = useReportsStore.getState();
      const next = paramsFromHash(window.location.hash, today);
      if (hashOfParams(next) !== hashOfParams(params)) setParams(next);
      writeHash();
    };
    window.addEventListener('hashchange', onHashChange);
    const unsubscribe = useReportsStore.subscribe((state, previous) => {
      if (state.params !== previous.params) writeHash();
    });
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      unsubscribe();
    };
  }, []);
}
