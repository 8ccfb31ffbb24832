import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../../modules/accounts/entities/account-owned.entity';
import { OperatorEntity } from '../../../modules/operators/entities/operator.entity';

/** A signed-in device. Only the SHA-256 of the opaque token is stored. */
@Entity('operator_sessions')
@Index('operator_sessions_operator_idx', ['operatorId'])
export class OperatorSessionEntity extends AccountOwnedEntity {
  @PrimaryColumn('bytea')
  tokenHash!: Buffer;

  @Column('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;
}
