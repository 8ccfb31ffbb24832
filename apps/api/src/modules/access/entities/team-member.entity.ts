import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';
import { TeamEntity } from './team.entity';

/** An operator in a team: at most once, gone with either side. */
@Entity('team_members')
// The access check looks an operator's teams up on every conversation read.
@Index(['operatorId'])
export class TeamMemberEntity extends AccountOwnedEntity {
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
}
