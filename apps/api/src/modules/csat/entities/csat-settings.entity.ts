import type { CsatScale } from '@switchboard/contracts';
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
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** An inbox's satisfaction survey settings (one row per inbox that has any). */
@Entity('csat_settings')
@Check('csat_settings_scale_check', `scale IN ('csat', 'nps')`)
@Check(
  'csat_settings_range_check',
  `delay_minutes BETWEEN 0 AND 1440 AND quiet_days BETWEEN 0 AND 365`,
)
export class CsatSettingsEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('boolean', { default: false })
  enabled!: boolean;

  @Column('integer', { default: 0 })
  delayMinutes!: number;

  @Column('text')
  question!: string;

  @Column('text', { default: 'csat' })
  scale!: CsatScale;

  @Column('boolean', { default: true })
  commentEnabled!: boolean;

  @Column('integer', { default: 30 })
  quietDays!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
