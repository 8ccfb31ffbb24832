import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../../accounts/entities/account-owned.entity';
import { OperatorEntity } from '../../../operators/entities/operator.entity';
import { ContactEntity } from '../../entities/contact.entity';
import type { ContactMergeSnapshot } from '../contact-merge-snapshot';

/**
 * One merge of `other` into `survivor`: who, when, and a snapshot of everything it moved and every
 * value it replaced, so an admin can undo it exactly within 30 days. Never deleted by the product.
 */
@Entity('contact_merges')
@Check('contact_merges_distinct_check', 'survivor_id <> other_id')
// The card lists the merges a contact took part in, on either side.
@Index('contact_merges_survivor_idx', ['survivorId', 'createdAt'])
@Index('contact_merges_other_idx', ['otherId', 'createdAt'])
export class ContactMergeEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  survivorId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  survivor?: ContactEntity;

  @Column('uuid')
  otherId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  other?: ContactEntity;

  @Column('uuid', { nullable: true })
  mergedById!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  mergedBy?: OperatorEntity | null;

  @Column('integer')
  identityCount!: number;

  @Column('integer')
  conversationCount!: number;

  @Column('jsonb')
  snapshot!: ContactMergeSnapshot;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  undoneAt!: Date | null;

  @Column('uuid', { nullable: true })
  undoneById!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  undoneBy?: OperatorEntity | null;
}
