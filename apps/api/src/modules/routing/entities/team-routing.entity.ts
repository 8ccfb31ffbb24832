import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { TeamEntity } from '../../access/entities/team.entity';

/**
 * A team's routing setting, and its lock: routing a conversation of the team locks this row, so
 * concurrent arrivals on any instance are served one after another (nobody above the maximum).
 */
@Entity('team_routing')
@Check('team_routing_max_open_per_operator_check', `max_open_per_operator BETWEEN 1 AND 500`)
export class TeamRoutingEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  teamId!: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  team?: TeamEntity;

  @Column('boolean', { default: false })
  roundRobin!: boolean;

  @Column('integer', { default: 10 })
  maxOpenPerOperator!: number;

  @Column('boolean', { default: false })
  handBackOnAway!: boolean;

  /** The team's turn counter: each assignment and each queue entry takes the next number. */
  @Column('bigint', { default: 0 })
  seq!: string;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
