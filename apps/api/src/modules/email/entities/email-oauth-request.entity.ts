import type { EmailOAuthProvider } from '@switchboard/channels-email';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/** What a new inbox will be once its mailbox is connected (no secrets: those come from the grant). */
export interface EmailOAuthDraft {
  name: string;
  reopenPolicy: 'reopen' | 'new_conversation';
  settings: Record<string, unknown>;
}

/**
 * One "Connect Google/Microsoft" in progress, between the redirect to the provider and its callback:
 * who started it, for which inbox (or new inbox), and the PKCE verifier. Taken (deleted) by the one
 * callback that may use it; a stale one is useless after `expiresAt`.
 */
@Entity('email_oauth_requests')
@Check('email_oauth_requests_provider_check', `provider IN ('google', 'microsoft')`)
@Check('email_oauth_requests_target_check', `(inbox_id IS NULL) <> (draft IS NULL)`)
export class EmailOAuthRequestEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  /** The inbox being (re)connected; null when the callback creates a new one from `draft`. */
  @Column('uuid', { nullable: true })
  inboxId!: string | null;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  provider!: EmailOAuthProvider;

  /** The PKCE code verifier, sealed like channel secrets (SecretBox). */
  @Column('text')
  codeVerifierSealed!: string;

  /** OpenID Connect nonce: the ID token must carry it back. */
  @Column('text')
  nonce!: string;

  @Column('jsonb', { nullable: true })
  draft!: EmailOAuthDraft | null;

  @Column('timestamptz')
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
