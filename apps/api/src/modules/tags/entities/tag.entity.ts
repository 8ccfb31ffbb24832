import type { TagColor } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/** One of the account's tags, shared by every operator. */
@Entity('tags')
@Unique(['accountId', 'nameKey'])
export class TagEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** As first typed (NFC), shown as is. */
  @Column('text')
  name!: string;

  /**
   * tagKey(name): the NFC name in lower case, computed by the server rather than by PostgreSQL's
   * lower(), whose result depends on the database's locale; unique per account.
   */
  @Column('text')
  nameKey!: string;

  @Column('text', { default: 'gray' })
  color!: TagColor;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
