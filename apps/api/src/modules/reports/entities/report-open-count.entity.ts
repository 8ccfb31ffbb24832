import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { CELL_DIM_CHECK } from '../cell-dims';

// A fresh object per column: TypeORM writes the column's type into the options it is given.
const pkey = () => ({ primaryKeyConstraintName: 'report_open_counts_pkey' });

/**
 * The backlog now, per value of one cell dimension: a report's backlog at its start is this minus the
 * spans opened and plus those ended since (`report_counter_cells.opened/ended`), so it reads the
 * days since the period's start, never the whole history.
 */
@Entity('report_open_counts')
@Check('report_open_counts_dim_check', CELL_DIM_CHECK)
export class ReportOpenCountEntity {
  @PrimaryColumn('uuid', pkey())
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;

  @PrimaryColumn('text', pkey())
  dim!: string;

  /** '' for `none`; a pair's two values joined by '|'; '-' for no team or operator. */
  @PrimaryColumn('text', pkey())
  dimValue!: string;

  @Column('integer', { default: 0 })
  open!: number;
}
