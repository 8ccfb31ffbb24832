import { reportQuerySchema, type InboxDto, type ReportDto } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { IsNull } from 'typeorm';
import { DurableEventConsumersService } from '../../../core/events/durable-event-consumers.service';
import { EventEntity } from '../../../core/events/entities/event.entity';
import { createOperator } from '../../accounts/create-account';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { ReportsService } from '../reports.service';

/** One API for a reports suite: an admin, an agent (Bea), an API inbox and its customer. */
export interface ReportsTestContext {
  db: TestDatabase;
  api: TestApi;
  admin: ApiClient;
  agent: ApiClient;
  accountId: string;
  adminId: string;
  agentId: string;
  inbox: InboxDto;
  customer: ApiChannelCustomer;
  /** Waits until the `reports` consumer has handled every committed event. */
  drain(): Promise<void>;
  /** `GET /api/reports?<q>` as the admin. */
  report(q: string): Promise<ReportDto>;
  /** The same report computed from the facts alone (no rollup cells), as the API's JSON. */
  fromFacts(q: string): Promise<ReportDto>;
  /** The conversation of the API channel's customer with this external id. */
  conversationOf(externalId: string): Promise<ConversationEntity>;
  close(): Promise<void>;
}

export async function startReportsTest(): Promise<ReportsTestContext> {
  const db = await createTestDatabase();
  const api = await startTestApi({ databaseUrl: db.url });
  const admin = (await loginAs(api.baseUrl)).client;
  const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
  const accountId = account.id;
  await api.dataSource.transaction((em) =>
    createOperator(em, accountId, {
      email: 'bea@test.local',
      name: 'Bea',
      password: 'agent-password-123',
      role: 'agent',
    }),
  );
  const agent = (await loginAs(api.baseUrl, 'bea@test.local', 'agent-password-123')).client;
  const adminId = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
  const agentId = (await agent.ok<{ id: string }>('GET', '/api/auth/me')).id;
  const { inbox, customer } = await createApiInbox(admin);
  return {
    db,
    api,
    admin,
    agent,
    accountId,
    adminId,
    agentId,
    inbox,
    customer,
    // The consumer sees events once numbered, which happens just after their commit.
    async drain() {
      await eventually(
        async () =>
          (await api.dataSource
            .getRepository(EventEntity)
            .countBy({ accountId, cursor: IsNull() })) === 0,
      );
      await api.app.get(DurableEventConsumersService).drain();
    },
    report: (q) => admin.ok<ReportDto>('GET', `/api/reports?${q}`),
    async fromFacts(q) {
      const params = new URLSearchParams(q);
      const raw: Record<string, string | string[]> = {};
      for (const k of new Set(params.keys())) {
        const all = params.getAll(k);
        raw[k] = all.length > 1 ? all : all[0]!;
      }
      const op = { id: adminId, accountId, name: 'Admin', email: 'admin', role: 'admin' as const };
      const dto = await api.app
        .get(ReportsService)
        .report(op, reportQuerySchema.parse(raw), 'facts');
      return JSON.parse(JSON.stringify(dto)) as ReportDto;
    },
    conversationOf: (externalId) =>
      api.dataSource
        .getRepository(ConversationEntity)
        .createQueryBuilder('c')
        .innerJoin('c.identity', 'ci')
        .where('ci.external_id = :externalId', { externalId })
        .getOneOrFail(),
    async close() {
      await api.close();
      await db.drop();
    },
  };
}
