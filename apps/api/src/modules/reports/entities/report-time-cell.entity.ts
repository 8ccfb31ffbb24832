import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { CELL_DIM_CHECK } from '../cell-dims';

// A fresh object per column: TypeORM writes the column's type into the options it is given.
const pkey = () => ({ primaryKeyConstraintName: 'report_time_cells_pkey' });

/**
 * The rollup of one local day's response or resolution times for one value of one cell
 * dimension (all, a column or a pair of columns: cell-dims.ts): count, sums in seconds, and every time in whole
 * milliseconds (what event times resolve) kept sorted, so a report takes exact medians and p90s of any bucket from a few rows per day
 * (`sorted-runs.ts`) instead of sorting the period's facts.
 */
@Entity('report_time_cells')
@Check('report_time_cells_dim_check', CELL_DIM_CHECK)
@Check('report_time_cells_metric_check', `metric IN ('first', 'next', 'resolution')`)
export class ReportTimeCellEntity {
  @PrimaryColumn('uuid', pkey())
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;

  @PrimaryColumn('text', pkey())
  dim!: string;

  @PrimaryColumn('date', pkey())
  day!: string;

  @PrimaryColumn('text', pkey())
  metric!: 'first' | 'next' | 'resolution';

  /** '' for `none`; a pair's two values joined by '|'; '-' for no team or operator. */
  @PrimaryColumn('text', pkey())
  dimValue!: string;

  @Column('integer', { default: 0 })
  count!: number;

  @Column('double precision', { default: 0 })
  secondsSum!: number;

  @Column('double precision', { default: 0 })
  businessSum!: number;

  /** Wall-clock times in whole milliseconds, ascending. */
  @Column('bigint', { array: true, default: () => "'{}'" })
  millis!: string[];

  /** Business-hours times in whole milliseconds, ascending. */
  @Column('bigint', { array: true, default: () => "'{}'" })
  businessMillis!: string[];
}
