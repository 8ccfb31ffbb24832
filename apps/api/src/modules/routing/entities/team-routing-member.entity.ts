import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { TeamEntity } from '../../access/entities/team.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/** A member's routing state in one team: their own maximum, and when they last got a turn. */
@Entity('team_routing_members')
@Check('team_routing_members_max_open_check', `max_open IS NULL OR max_open BETWEEN 1 AND 500`)
// Deleting an operator finds their rows by operator.
@Index(['operatorId'])
export class TeamRoutingMemberEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  teamId!: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  team?: TeamEntity;

  @PrimaryColumn('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  /** Null: the team's maximum applies. */
  @Column('integer', { nullable: true })
  maxOpen!: number | null;

  /** The team's `seq` at their last round-robin assignment; null: never assigned (goes first). */
  @Column('bigint', { nullable: true })
  lastTurn!: string | null;
}
