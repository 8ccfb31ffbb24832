import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../../modules/accounts/entities/account-owned.entity';

/** An attachment's metadata; the bytes live in the storage driver under `storageKey`. */
@Entity('files')
export class StoredFileEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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
