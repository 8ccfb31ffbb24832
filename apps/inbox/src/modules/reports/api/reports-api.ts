import type {
  AccountDto,
  InboxDto,
  ReportDto,
  ReportNowDto,
  TagDto,
  TeamDto,
  TeamMemberDto,
  TimeReportDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';
import type { ReportApiQuery } from '../utils/report-params';

/** Reports (admins only): a period's figures, the live panel, and the lists its filters choose from. */
export const reportsApi = {
  report: (query: ReportApiQuery, signal?: AbortSignal) =>
    apiRequest<ReportDto>('GET', '/api/reports', { query, signal }),
  now: () => apiRequest<ReportNowDto>('GET', '/api/reports/now'),
  /** Time tracking per operator, inbox, tag or contact (its own module). */
  time: (query: ReportApiQuery, signal?: AbortSignal) =>
    apiRequest<TimeReportDto>('GET', '/api/reports/time', { query, signal }),
  /** The account's timezone: report days are its local days. */
  account: () => apiRequest<AccountDto>('GET', '/api/account'),
  inboxes: () => apiRequest<InboxDto[]>('GET', '/api/inboxes'),
  teams: () => apiRequest<TeamDto[]>('GET', '/api/teams'),
  operators: () => apiRequest<TeamMemberDto[]>('GET', '/api/operators'),
  tags: () => apiRequest<TagDto[]>('GET', '/api/tags'),
};
