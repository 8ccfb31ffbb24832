import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountEntity } from '../../../modules/accounts/entities/account.entity';

/** An attachment's metadata; the bytes live in the storage driver under `storageKey`. */
@Entity('files')
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;

  @Column('text', { unique: true })
  storageKey!: string;

  @Column('text')
  filename!: string;

  /** Sniffed from the bytes, never taken from the sender's claim. */
  @Column('text')
  contentType!: string;

  @Column('bigint')
  size!: string;

  @Column('text')
  sha256!: string;

  /** An email's inline `cid:` reference. */
  @Column('text', { nullable: true })
  contentId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
