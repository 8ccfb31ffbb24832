import type { ReportDto, TimeReportDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { currentTimeZone } from '../../../i18n/format';
import { reportsApi } from '../api/reports-api';
import { apiQueryOf, defaultParams, timeQueryOf, type ReportParams } from '../utils/report-params';
import { todayIn } from '../utils/report-period';
import { errorText } from '../../../shared/api/error-text';

export interface FilterOption {
  id: string;
  label: string;
}

export interface FilterOptions {
  inboxId: FilterOption[];
  teamId: FilterOption[];
  operatorId: FilterOption[];
  tagId: FilterOption[];
}

interface ReportsState {
  params: ReportParams;
  /** Today on the operator's clock: presets end here. */
  today: string;
  /** Ungrouped: the charts, the per-bucket table and the overall totals. */
  overall: ReportDto | null;
  /** Split by the chosen group (the same report as `overall` when the group is none). */
  grouped: ReportDto | null;
  /** Split by operator, for the per-operator table. */
  byOperator: ReportDto | null;
  /** Time tracking over the same period; its failure does not hide the rest. */
  time: TimeReportDto | null;
  timeError: string | null;
  loading: boolean;
  error: string | null;
  options: FilterOptions;
  setParams: (params: ReportParams) => void;
  load: () => Promise<void>;
  loadOptions: () => Promise<void>;
}

const message = (error: unknown) => errorText(error);
/** The account's timezone once read (report days are its days); the operator's until then. */
let accountZone: string | null = null;
const today = () => todayIn(accountZone ?? currentTimeZone());

async function readAccountZone(): Promise<void> {
  if (accountZone) return;
  try {
    accountZone = (await reportsApi.account()).timezone;
  } catch {
    // The operator's own clock is a fair stand-in: the report names its timezone anyway.
  }
}

let generation = 0;
let inFlight: AbortController | null = null;

export const useReportsStore = create<ReportsState>((set, get) => ({
  params: defaultParams(today()),
  today: today(),
  overall: null,
  grouped: null,
  byOperator: null,
  time: null,
  timeError: null,
  loading: false,
  error: null,
  options: { inboxId: [], teamId: [], operatorId: [], tagId: [] },

  setParams: (params) => {
    set({ params });
    void get().load();
  },

  load: async () => {
    // A newer choice wins: the older requests are aborted and their answers ignored.
    const mine = ++generation;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    set({ loading: true, error: null });
    await readAccountZone();
    if (mine !== generation) return;
    const day = today();
    const { params } = get();
    set({ today: day });
    void loadTime(params, day, controller.signal, () => mine === generation);
    const fetchGroup = (groupBy: ReportParams['groupBy']) =>
      reportsApi.report(apiQueryOf(params, day, groupBy), controller.signal);
    try {
      const overall = fetchGroup('none');
      const grouped = params.groupBy === 'none' ? overall : fetchGroup(params.groupBy);
      const byOperator = params.groupBy === 'operator' ? grouped : fetchGroup('operator');
      const [o, g, b] = await Promise.all([overall, grouped, byOperator]);
      if (mine === generation) set({ overall: o, grouped: g, byOperator: b, loading: false });
    } catch (error) {
      if (mine !== generation) return;
      set({ loading: false, error: message(error) });
    }
  },

  loadOptions: async () => {
    const named = (items: Array<{ id: string; name: string }>) =>
      items
        .map((item) => ({ id: item.id, label: item.name }))
        .sort((a, b) => a.label.localeCompare(b.label));
    try {
      const [inboxes, teams, operators, tags] = await Promise.all([
        reportsApi.inboxes(),
        reportsApi.teams(),
        reportsApi.operators(),
        reportsApi.tags(),
      ]);
      set({
        options: {
          inboxId: named(inboxes),
          teamId: named(teams),
          operatorId: named(operators),
          tagId: named(tags),
        },
      });
    } catch (error) {
      set({ error: message(error) });
    }
  },
}));

async function loadTime(
  params: ReportParams,
  day: string,
  signal: AbortSignal,
  current: () => boolean,
): Promise<void> {
  try {
    const time = await reportsApi.time(timeQueryOf(params, day), signal);
    if (current()) useReportsStore.setState({ time, timeError: null });
  } catch (error) {
    if (current()) useReportsStore.setState({ time: null, timeError: message(error) });
  }
}
