import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KbCategoryEntity } from '../entities/kb-category.entity';
import { isUuid } from '../kb-ids';

export type KbCategoryFields = Pick<KbCategoryEntity, 'slug' | 'names' | 'position'>;

/** PostgreSQL's unique_violation: a slug already taken. */
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e.driverError?.code === UNIQUE_VIOLATION || e.code === UNIQUE_VIOLATION;
}

@Injectable()
export class KbCategoriesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  list(accountId: string): Promise<KbCategoryEntity[]> {
    return this.ds.getRepository(KbCategoryEntity).find({
      where: { accountId },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  find(accountId: string, id: string): Promise<KbCategoryEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.ds.getRepository(KbCategoryEntity).findOne({ where: { accountId, id } });
  }

  /** The next position at the end of the list. */
  async nextPosition(accountId: string): Promise<number> {
    const row = await this.ds
      .createQueryBuilder(KbCategoryEntity, 'c')
      .select('COALESCE(MAX(c.position) + 1, 0)::int', 'next')
      .where('c.account_id = :accountId', { accountId })
      .getRawOne<{ next: number }>();
    return row?.next ?? 0;
  }

  create(accountId: string, fields: KbCategoryFields): Promise<KbCategoryEntity> {
    const repo = this.ds.getRepository(KbCategoryEntity);
    return repo.save(repo.create({ accountId, ...fields }));
  }

  async update(category: KbCategoryEntity, fields: KbCategoryFields): Promise<KbCategoryEntity> {
    Object.assign(category, fields);
    return this.ds.getRepository(KbCategoryEntity).save(category);
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const res = await this.ds.getRepository(KbCategoryEntity).delete({ accountId, id });
    return (res.affected ?? 0) > 0;
  }

  /** Positions 0, 1, 2… in the order given (ids of the account only). */
  async reorder(accountId: string, ids: string[]): Promise<void> {
    await this.ds.transaction(async (em) => {
      for (const [position, id] of ids.entries()) {
        await em.getRepository(KbCategoryEntity).update({ accountId, id }, { position });
      }
    });
  }
}
