import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * A customer's portal session: apart from operators' sessions, and scoped to the contacts whose
 * verified address signed in (a merged contact's conversations moved to it, so they are seen too).
 */
@Entity('portal_sessions')
@Unique('portal_sessions_token_hash_key', ['tokenHash'])
@Index('portal_sessions_account_idx', ['accountId'])
export class PortalSessionEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { array: true })
  contactIds!: string[];

  @Column('bytea')
  tokenHash!: Buffer;

  @Column('timestamptz')
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
