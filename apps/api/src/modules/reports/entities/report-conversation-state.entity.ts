import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * What the reports consumer remembers of a conversation between events: its open resolution
 * cycle, since when the customer waits for our reply, and whether we ever replied (which makes
 * the next wait a "next", not a "first", response).
 */
@Entity('report_conversation_states')
export class ReportConversationStateEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  conversationId!: string;

  @Column('uuid', { nullable: true })
  cycleId!: string | null;

  @Column('integer', { default: 0 })
  cycleSeq!: number;

  @Column('timestamptz', { nullable: true })
  awaitingSince!: Date | null;

  @Column('boolean', { default: false })
  replied!: boolean;
}
