import type { ReportNowDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { reportsApi } from '../api/reports-api';
import { errorText } from '../../../shared/api/error-text';

interface NowState {
  now: ReportNowDto | null;
  /** When the figures were read (ms), to say how fresh they are. */
  readAt: number | null;
  error: string | null;
  refresh: () => Promise<void>;
}

let reading: Promise<void> | null = null;

/** The live panel's figures, as `GET /api/reports/now` last said. */
export const useNowStore = create<NowState>((set) => ({
  now: null,
  readAt: null,
  error: null,
  refresh: () => {
    // One read at a time: a refresh asked for during a read is answered by that read.
    reading ??= reportsApi
      .now()
      .then((now) => set({ now, readAt: Date.now(), error: null }))
      .catch((error: unknown) => set({ error: errorText(error) }))
      .finally(() => {
        reading = null;
      });
    return reading;
  },
}));
