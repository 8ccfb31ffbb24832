import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, type DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EmailOAuthRequestEntity } from '../entities/email-oauth-request.entity';

export type NewEmailOAuthRequest = Pick<
  EmailOAuthRequestEntity,
  | 'accountId'
  | 'operatorId'
  | 'inboxId'
  | 'provider'
  | 'codeVerifierSealed'
  | 'nonce'
  | 'draft'
  | 'expiresAt'
>;

/** Authorization requests between the redirect to the provider and its callback. */
@Injectable()
export class EmailOAuthRequestsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(request: NewEmailOAuthRequest): Promise<EmailOAuthRequestEntity> {
    const repo = this.ds.getRepository(EmailOAuthRequestEntity);
    // `draft` is free-form JSON, which TypeORM's deep-partial type cannot follow.
    const result = await repo.insert(request as QueryDeepPartialEntity<EmailOAuthRequestEntity>);
    return repo.create({ ...request, ...result.generatedMaps[0] });
  }

  /**
   * Removes and returns the operator's request: whatever happens next, it cannot be used twice,
   * and two callbacks racing with one state get it once.
   */
  async take(id: string, operatorId: string): Promise<EmailOAuthRequestEntity | null> {
    const result = await this.ds
      .createQueryBuilder()
      .delete()
      .from(EmailOAuthRequestEntity)
      .where('id = :id AND operator_id = :operatorId', { id, operatorId })
      .returning('*')
      .execute();
    const row = (result.raw as Array<Record<string, unknown>>)[0];
    if (!row) return null;
    return this.ds.getRepository(EmailOAuthRequestEntity).create({
      id: row['id'] as string,
      accountId: row['account_id'] as string,
      operatorId: row['operator_id'] as string,
      inboxId: (row['inbox_id'] as string | null) ?? null,
      provider: row['provider'] as EmailOAuthRequestEntity['provider'],
      codeVerifierSealed: row['code_verifier_sealed'] as string,
      nonce: row['nonce'] as string,
      draft: (row['draft'] as EmailOAuthRequestEntity['draft']) ?? null,
      expiresAt: new Date(row['expires_at'] as string | Date),
      createdAt: new Date(row['created_at'] as string | Date),
    });
  }

  /** Requests nobody came back for. */
  async purgeExpired(): Promise<void> {
    await this.ds
      .getRepository(EmailOAuthRequestEntity)
      .delete({ expiresAt: LessThan(new Date()) });
  }
}
