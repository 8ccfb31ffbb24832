import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { CELL_DIM_CHECK } from '../cell-dims';

// A fresh object per column: TypeORM writes the column's type into the options it is given.
const pkey = () => ({ primaryKeyConstraintName: 'report_counter_cells_pkey' });

/**
 * The daily counters of `report_daily` summed per local day and value of one cell dimension
 * (all, a column or a pair of columns: cell-dims.ts), kept with the facts, so a report reads a few
 * rows per day instead of one per conversation.
 */
@Entity('report_counter_cells')
@Check('report_counter_cells_dim_check', CELL_DIM_CHECK)
export class ReportCounterCellEntity {
  @PrimaryColumn('uuid', pkey())
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;

  @PrimaryColumn('text', pkey())
  dim!: string;

  @PrimaryColumn('date', pkey())
  day!: string;

  /** '' for `none`; a pair's two values joined by '|'; '-' for no team or operator. */
  @PrimaryColumn('text', pkey())
  dimValue!: string;

  @Column('integer', { default: 0 })
  newCount!: number;

  @Column('integer', { default: 0 })
  closedCount!: number;

  @Column('integer', { default: 0 })
  reopenedCount!: number;

  @Column('integer', { default: 0 })
  replies!: number;

  @Column('integer', { default: 0 })
  slaMet!: number;

  @Column('integer', { default: 0 })
  slaBreached!: number;

  @Column('integer', { default: 0 })
  csatCount!: number;

  @Column('integer', { default: 0 })
  csatSum!: number;

  @Column('integer', { default: 0 })
  csatSatisfied!: number;

  @Column('integer', { default: 0 })
  npsCount!: number;

  @Column('integer', { default: 0 })
  npsPromoters!: number;

  @Column('integer', { default: 0 })
  npsDetractors!: number;

  /** Backlog spans started on the day (a cycle opened, or moved here from another owner). */
  @Column('integer', { default: 0 })
  opened!: number;

  /** Backlog spans ended on the day (closed, merged away, or moved to another owner). */
  @Column('integer', { default: 0 })
  ended!: number;
}
