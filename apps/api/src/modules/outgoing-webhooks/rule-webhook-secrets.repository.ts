import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RuleWebhookSecretEntity } from './entities/rule-webhook-secret.entity';

@Injectable()
export class RuleWebhookSecretsRepository {
  /** The account's sealed secret, created with `sealedIfNew` the first time it is asked for. */
  async getOrCreate(em: EntityManager, accountId: string, sealedIfNew: string): Promise<string> {
    await em
      .createQueryBuilder()
      .insert()
      .into(RuleWebhookSecretEntity)
      .values({ accountId, secretSealed: sealedIfNew })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const row = await em.getRepository(RuleWebhookSecretEntity).findOneByOrFail({ accountId });
    return row.secretSealed;
  }

  async replace(em: EntityManager, accountId: string, sealed: string): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(RuleWebhookSecretEntity)
      .values({ accountId, secretSealed: sealed })
      .orUpdate(['secret_sealed'], ['account_id'])
      .updateEntity(false)
      .execute();
  }
}
