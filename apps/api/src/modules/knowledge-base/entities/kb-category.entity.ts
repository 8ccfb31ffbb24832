import type { KbLocale } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/** A shelf of the help centre; its name per language ({ en: 'Billing', ru: 'Оплата' }). */
@Entity('kb_categories')
@Unique(['accountId', 'slug'])
export class KbCategoryEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('jsonb', { default: {} })
  names!: Partial<Record<KbLocale, string>>;

  /** Order on the help centre's front page, smallest first. */
  @Column('integer', { default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
