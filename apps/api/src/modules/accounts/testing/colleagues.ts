import { loginAs, type ApiClient, type TestApi } from '@switchboard/testing';
import type { LoginResponseDto } from '@switchboard/contracts';
import { createAccount, createOperator } from '../create-account';
import { AccountEntity } from '../entities/account.entity';

export interface Colleagues {
  /** An agent of the test admin's account. */
  agent: ApiClient;
  /** An admin of another account. */
  stranger: ApiClient;
  strangerLogin: LoginResponseDto;
}

/** The people authorization tests need beside the test admin: an agent, and a stranger's admin. */
export async function addColleagues(api: TestApi): Promise<Colleagues> {
  const [account] = await api.dataSource.getRepository(AccountEntity).find({ take: 1 });
  await api.dataSource.transaction(async (em) => {
    await createOperator(em, account!.id, {
      email: 'agent@test.local',
      name: 'Agnes Agent',
      password: 'agent-password-123',
      role: 'agent',
    });
    const other = await createAccount(em, 'Other company');
    await createOperator(em, other, {
      email: 'stranger@other.test',
      name: 'Stranger',
      password: 'stranger-password-123',
      role: 'admin',
    });
  });
  const agent = (await loginAs(api.baseUrl, 'agent@test.local', 'agent-password-123')).client;
  const stranger = await loginAs(api.baseUrl, 'stranger@other.test', 'stranger-password-123');
  return { agent, stranger: stranger.client, strangerLogin: stranger.login };
}
