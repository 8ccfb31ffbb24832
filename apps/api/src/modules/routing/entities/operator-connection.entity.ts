import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * How many operator sockets one API instance holds for an operator. Each instance refreshes
 * `seen_at` every 10 s and deletes its rows on a clean shutdown; a row older than 30 s belongs
 * to an instance that died and counts for nothing.
 */
@Entity('operator_connections')
@Check('operator_connections_connected_check', `connected > 0`)
@Index(['operatorId'])
export class OperatorConnectionEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  instanceId!: string;

  @PrimaryColumn('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  @Column('integer')
  connected!: number;

  @Column('timestamptz', { default: () => 'now()' })
  seenAt!: Date;
}
