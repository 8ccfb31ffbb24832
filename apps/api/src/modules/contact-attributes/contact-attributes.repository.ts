import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContactAttributeDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ContactAttributeEntity } from './entities/contact-attribute.entity';

/** The account's custom contact attribute definitions. */
@Injectable()
export class ContactAttributesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  list(accountId: string, em: EntityManager = this.ds.manager) {
    return em
      .getRepository(ContactAttributeEntity)
      .find({ where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findInAccount(em: EntityManager, accountId: string, id: string) {
    return em.getRepository(ContactAttributeEntity).findOneBy({ id, accountId });
  }

  /** Inserts the definition; null when the account has the key already. */
  async insert(
    em: EntityManager,
    accountId: string,
    def: Pick<ContactAttributeDto, 'key' | 'label' | 'type' | 'options'>,
  ): Promise<ContactAttributeEntity | null> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(ContactAttributeEntity)
      .values({ accountId, ...def })
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.findInAccount(em, accountId, id) : null;
  }

  async update(em: EntityManager, id: string, change: { label?: string; options?: string[] }) {
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0)
      await em.getRepository(ContactAttributeEntity).update({ id }, set);
  }

  /** Deletes the definition and its value on every contact of the account. */
  async delete(em: EntityManager, accountId: string, def: ContactAttributeEntity) {
    await em
      .createQueryBuilder()
      .update(ContactEntity)
      .set({ attributes: () => 'attributes - :attrKey' })
      .where('account_id = :accountId AND attributes ? :attrKey', { accountId, attrKey: def.key })
      .setParameters({ accountId, attrKey: def.key })
      .execute();
    await em.getRepository(ContactAttributeEntity).delete({ id: def.id });
  }
}
