import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { TeamEntity } from './team.entity';

/** A team whose members may work an inbox. */
@Entity('inbox_teams')
// Deleting a team and listing a team's inboxes look links up by team.
@Index(['teamId'])
export class InboxTeamEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @PrimaryColumn('uuid')
  teamId!: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  team?: TeamEntity;
}
