import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/** A named group of operators; an inbox can be opened to a whole team at once. */
@Entity('teams')
@Unique(['accountId', 'name'])
export class TeamEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
