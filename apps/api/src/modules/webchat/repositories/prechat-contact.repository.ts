import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ContactEntity } from '../../contacts/entities/contact.entity';
import { MessageEntity } from '../../messages/entities/message.entity';
import type { PreChatContactFill } from '../services/prechat-answers';

/** Writes a visitor's pre-chat answers onto the contact who sent a stored message. */
@Injectable()
export class PreChatContactRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async apply(messageId: string, fill: PreChatContactFill): Promise<void> {
    const message = await this.ds.getRepository(MessageEntity).findOne({
      select: { id: true, senderContactId: true },
      where: { id: messageId },
    });
    if (!message?.senderContactId) return;
    const set: Record<string, () => string> = {
      attributes: () => 'attributes || CAST(:attributes AS jsonb)',
    };
    // The name the visitor gave replaces "Web visitor 1a2b3c"; an address only fills an empty one,
    // since it is the visitor's unconfirmed claim.
    if (fill.name) set['name'] = () => ':name';
    if (fill.email) set['email'] = () => 'COALESCE(email, :email)';
    await this.ds
      .createQueryBuilder()
      .update(ContactEntity)
      .set(set)
      .where('id = :id', {
        id: message.senderContactId,
        name: fill.name,
        email: fill.email,
        attributes: JSON.stringify(fill.attributes),
      })
      .updateEntity(false)
      .execute();
  }
}
