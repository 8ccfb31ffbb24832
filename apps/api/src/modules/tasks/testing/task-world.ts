import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createAccount, createOperator } from '../../accounts/create-account';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { TaskConversationEntity } from '../entities/task-conversation.entity';
import { TaskEntity } from '../entities/task.entity';

type Feed = Page<ConversationSummaryDto>;

export const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A valid task body, plus whatever the test sets (assignee, links, a bad field). */
export const newTask = (extra: Record<string, unknown>) => ({
  title: 'Call back about the refund',
  dueAt: inHours(2),
  ...extra,
});

/**
 * The people and conversations the task specs need: an admin; Agnes, an agent without access to
 * the restricted Billing inbox; Mona, a member of it; Gone, deactivated; a stranger of another
 * account with a conversation of their own; one conversation in an open inbox, one in Billing.
 */
export interface TaskWorld {
  db: TestDatabase;
  api: TestApi;
  admin: ApiClient;
  adminId: string;
  agnes: ApiClient;
  agnesId: string;
  agnesToken: string;
  mona: ApiClient;
  monaId: string;
  goneId: string;
  stranger: ApiClient;
  strangerOperatorId: string;
  strangerConversationId: string;
  strangerMessageId: string;
  open: ConversationSummaryDto;
  secret: ConversationSummaryDto;
  openMessage: MessageDto;
  secretMessage: MessageDto;
  timelineOf: (conversationId: string) => Promise<MessageDto[]>;
  /** How many tasks and links are stored: "nothing changed" is these staying the same. */
  counts: () => Promise<{ tasks: number; links: number }>;
  close: () => Promise<void>;
}

export async function startTaskWorld(): Promise<TaskWorld> {
  const db = await createTestDatabase();
  const api = await startTestApi({ databaseUrl: db.url });
  const session = await loginAs(api.baseUrl);
  const admin = session.client;
  const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
  const strangerOperatorId = await api.dataSource.transaction(async (em) => {
    for (const name of ['Agnes', 'Mona', 'Gone'])
      await createOperator(em, account.id, {
        email: `${name.toLowerCase()}@test.local`,
        name,
        password: 'agent-password-123',
        role: 'agent',
      });
    const other = await createAccount(em, 'Other company');
    return createOperator(em, other, {
      email: 'stranger@other.test',
      name: 'Stranger',
      password: 'stranger-password-123',
      role: 'admin',
    });
  });
  const agent = (name: string) => loginAs(api.baseUrl, `${name}@test.local`, 'agent-password-123');
  const [agnes, mona, gone] = [await agent('agnes'), await agent('mona'), await agent('gone')];
  await admin.ok('POST', `/api/operators/${gone.login.operator.id}/deactivate`);
  const stranger = (await loginAs(api.baseUrl, 'stranger@other.test', 'stranger-password-123'))
    .client;

  const timelineOf = async (conversationId: string) =>
    (await admin.ok<Page<MessageDto>>('GET', `/api/conversations/${conversationId}/messages`))
      .items;
  const everyone = await createApiInbox(admin, 'Everyone');
  const billing = await createApiInbox(admin, 'Billing');
  await admin.ok('PUT', `/api/inboxes/${billing.inbox.id}/access`, {
    operatorIds: [mona.login.operator.id],
    teamIds: [],
  });
  await everyone.customer.say('Where is my refund?', 'm-open', { id: 'ann', name: 'Ann Open' });
  await billing.customer.say('Invoice is wrong', 'm-secret', { id: 'bob', name: 'Bob Secret' });
  const feed = (await admin.ok<Feed>('GET', '/api/conversations?status=open')).items;
  const open = feed.find((c) => c.inboxId === everyone.inbox.id);
  const secret = feed.find((c) => c.inboxId === billing.inbox.id);
  if (!open || !secret) throw new Error('conversations were not opened');
  const openMessage = (await timelineOf(open.id)).find((m) => m.text === 'Where is my refund?');
  const secretMessage = (await timelineOf(secret.id)).find((m) => m.text === 'Invoice is wrong');
  if (!openMessage || !secretMessage) throw new Error('messages were not stored');

  const theirs = await createApiInbox(stranger, 'Theirs');
  await theirs.customer.say('not yours', 'm-theirs');
  const strangerConversationId = (await stranger.ok<Feed>('GET', '/api/conversations')).items[0]
    ?.id;
  if (!strangerConversationId) throw new Error("the stranger's conversation was not opened");
  const strangerMessageId = (
    await stranger.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${strangerConversationId}/messages`,
    )
  ).items[0]?.id;
  if (!strangerMessageId) throw new Error("the stranger's message was not stored");

  return {
    db,
    api,
    admin,
    adminId: session.login.operator.id,
    agnes: agnes.client,
    agnesId: agnes.login.operator.id,
    agnesToken: agnes.login.token,
    mona: mona.client,
    monaId: mona.login.operator.id,
    goneId: gone.login.operator.id,
    stranger,
    strangerOperatorId,
    strangerConversationId,
    strangerMessageId,
    open,
    secret,
    openMessage,
    secretMessage,
    timelineOf,
    counts: async () => ({
      tasks: await api.dataSource.getRepository(TaskEntity).count(),
      links: await api.dataSource.getRepository(TaskConversationEntity).count(),
    }),
    close: async () => {
      await api.close();
      await db.drop();
    },
  };
}
