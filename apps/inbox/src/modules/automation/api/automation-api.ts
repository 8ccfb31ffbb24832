import type {
  ConversationSummaryDto,
  Page,
  RuleDto,
  RuleInput,
  RuleRunDto,
  RuleTestResultDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const rule = (id: string) => `/api/automation/rules/${encodeURIComponent(id)}`;

export interface RunsQuery {
  ruleId?: string | null;
  conversationId?: string | null;
  cursor?: string | null;
}

/** Automation rules (admins change them; everyone reads) and the rule log. */
export const automationApi = {
  list: () => apiRequest<RuleDto[]>('GET', '/api/automation/rules'),
  get: (id: string) => apiRequest<RuleDto>('GET', rule(id)),
  create: (body: RuleInput) => apiRequest<RuleDto>('POST', '/api/automation/rules', { body }),
  update: (id: string, body: Partial<RuleInput>) =>
    apiRequest<RuleDto>('PATCH', rule(id), { body }),
  remove: (id: string) => apiRequest<void>('DELETE', rule(id)),
  reorder: (ids: string[]) =>
    apiRequest<RuleDto[] | null>('PUT', '/api/automation/rules/order', { body: { ids } }),
  test: (input: RuleInput, conversationId: string) =>
    apiRequest<RuleTestResultDto>('POST', '/api/automation/rules/test', {
      body: { rule: input, conversationId },
    }),
  runs: (query: RunsQuery, signal?: AbortSignal) =>
    apiRequest<Page<RuleRunDto>>('GET', '/api/automation/runs', {
      query: {
        ruleId: query.ruleId,
        conversationId: query.conversationId,
        cursor: query.cursor,
      },
      signal,
    }),
  /** The conversation with this number, if the operator may see it (any status, any age). */
  conversationByNumber: async (num: number) => {
    const page = await apiRequest<Page<ConversationSummaryDto>>('GET', '/api/conversations', {
      query: { q: `#${num}`, status: 'all', limit: 1 },
    });
    return page.items.find((c) => c.number === num) ?? null;
  },
};
