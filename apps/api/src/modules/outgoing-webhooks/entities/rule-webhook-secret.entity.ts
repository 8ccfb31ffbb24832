import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';

/** The account's secret for signing the calls of rules' `call_webhook` actions. */
@Entity('rule_webhook_secrets')
export class RuleWebhookSecretEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'rule_webhook_secrets_pkey' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;

  @Column('text')
  secretSealed!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
