import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * One sign-in request to the portal. Written for every request, known address or not (then
 * `contactIds` is empty and no mail goes out), so the table itself is the rate limiter and the
 * answer costs the same either way. Only hashes of the address and of the token are kept.
 */
@Entity('portal_sign_in_links')
@Unique('portal_sign_in_links_token_hash_key', ['tokenHash'])
@Index('portal_sign_in_links_email_idx', ['accountId', 'emailHash', 'createdAt'])
@Index('portal_sign_in_links_ip_idx', ['ip', 'createdAt'])
export class PortalSignInLinkEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('bytea')
  emailHash!: Buffer;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('uuid', { array: true })
  contactIds!: string[];

  @Column('bytea')
  tokenHash!: Buffer;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
