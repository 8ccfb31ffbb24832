import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  updateContactRequestSchema,
  type ContactImportResultDto,
  type ContactImportRowError,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { AppException } from '../../../core/http/app.exception';
import { AuditLogService } from '../../audit/audit-log.service';
import { ContactAttributesRepository } from '../../contact-attributes/contact-attributes.repository';
import type { ContactAttributeEntity } from '../../contact-attributes/entities/contact-attribute.entity';
import { ContactDirectoryRepository, type ContactFields } from '../contact-directory.repository';
import { contactFields } from '../contact-fields';
import { localeRegion } from '../phone-number';
import { isUuid } from '../../conversations/keyset-cursor';
import { parseCsv } from './csv-parser';
import { csvLine, unprotectCell } from './csv-writer';

/** Limits of one import; the controller refuses bodies over MAX_IMPORT_BYTES before parsing. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_IMPORT_ROWS = 5000;
const EXPORT_BATCH = 500;
const BUILT_IN = ['name', 'email', 'phone', 'notes'] as const;
/** Columns our export writes that an import reads past. */
const EXPORT_ONLY = new Set(['created_at', 'last_seen_at']);

interface PlannedRow {
  row: number;
  /** The `id` column: an exported contact, updated in place. */
  id: string | null;
  fields: ContactFields;
  attributeCells: Record<string, string>;
  match: { id: string; attributes: Record<string, string | number | boolean> } | null;
}

/**
 * Contacts as CSV, for admins (exports and imports are in the audit log). Export streams every
 * contact in keyset batches, formula cells defused. Import is all-or-nothing: every row is
 * checked first and any refused row answers 422 with each problem by row number, having changed
 * nothing; otherwise one transaction creates the new contacts and updates those matched by email
 * (else phone), where an empty cell leaves the stored value as it is.
 */
@Injectable()
export class ContactCsvService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly directory: ContactDirectoryRepository,
    private readonly attributes: ContactAttributesRepository,
    private readonly audit: AuditLogService,
  ) {}

  /** The CSV, line by line: header, then newest contact first. */
  async *exportLines(op: AuthenticatedOperator, ip: string | null): AsyncGenerator<string> {
    requireAdmin(op, 'export');
    const defs = await this.attributes.list(op.accountId);
    yield `\uFEFF${csvLine(['id', ...BUILT_IN, ...defs.map((d) => d.key), 'created_at'])}`;
    let after: { at: string; id: string } | null = null;
    let rows = 0;
    for (;;) {
      const batch = await this.directory.listPage(op, {}, after, EXPORT_BATCH);
      for (const c of batch.slice(0, EXPORT_BATCH)) {
        rows++;
        yield csvLine([
          c.id,
          c.name,
          c.email,
          c.phone,
          c.notes,
          ...defs.map((d) => c.attributes?.[d.key]),
          c.created_at.toISOString(),
        ]);
      }
      const last = batch[Math.min(batch.length, EXPORT_BATCH) - 1];
      if (batch.length <= EXPORT_BATCH || !last) break;
      after = { at: last.created_key, id: last.id };
    }
    await this.audit.record(
      {
        accountId: op.accountId,
        action: 'data.exported',
        targetType: 'contacts',
        details: { what: 'contacts', rows },
      },
      { operator: op, ip },
    );
  }

  /** `readBody` runs after the admin check, so an agent's upload is refused before it is read. */
  async import(
    op: AuthenticatedOperator,
    readBody: () => Promise<string>,
    ip: string | null,
  ): Promise<ContactImportResultDto> {
    requireAdmin(op, 'import');
    const text = await readBody();
    const parsed = parseCsv(text, {
      maxRecords: MAX_IMPORT_ROWS + 1,
      maxCells: 200,
      maxCellLength: 20_000,
    });
    if (!parsed.ok) throw invalid([{ row: parsed.line, message: parsed.reason }]);
    const [header, ...records] = parsed.records;
    if (!header || records.length === 0)
      throw invalid([{ row: 1, message: 'The file needs a header row and at least one contact' }]);
    const region = localeRegion(await this.directory.operatorLocale(op.id));

    return this.ds.transaction(async (em) => {
      const defs = await this.attributes.list(op.accountId, em);
      const columns = headerColumns(header.cells, defs);
      const errors: ContactImportRowError[] = [...columns.errors];
      const planned: PlannedRow[] = [];
      for (const record of records) {
        const row = readRow(record.cells, columns.names, defs, region);
        if ('error' in row) errors.push({ row: record.line, message: row.error });
        else planned.push({ row: record.line, ...row, match: null });
      }
      errors.push(...(await this.matchExisting(em, op.accountId, planned)));
      if (errors.length > 0) throw invalid(errors);

      let created = 0;
      for (const p of planned) {
        const stored = p.match?.attributes ?? {};
        const attrs = Object.keys(p.attributeCells).length
          ? contactFields({ attributes: p.attributeCells }, defs, stored, region, true)
          : {};
        if (p.match) {
          await this.directory.update(em, p.match.id, { ...p.fields, ...attrs });
        } else {
          await this.directory.insert(em, op.accountId, { ...p.fields, ...attrs });
          created++;
        }
      }
      const result = { created, updated: planned.length - created };
      await this.audit.record(
        {
          accountId: op.accountId,
          action: 'contacts.imported',
          targetType: 'contacts',
          details: result,
        },
        { operator: op, ip },
        em,
      );
      return result;
    });
  }

  /** Links rows to existing contacts (email first, then phone); two rows for one contact are refused. */
  private async matchExisting(
    em: Parameters<ContactDirectoryRepository['update']>[0],
    accountId: string,
    planned: PlannedRow[],
  ): Promise<ContactImportRowError[]> {
    const emails = planned.flatMap((p) => (p.fields.email ? [p.fields.email] : []));
    const phones = planned.flatMap((p) => (p.fields.phone ? [p.fields.phone] : []));
    const existing = await this.directory.findByEmailsOrPhones(em, accountId, emails, phones);
    const byEmail = new Map<string, string>();
    const byPhone = new Map<string, string>();
    for (const c of existing) {
      if (c.email && !byEmail.has(c.email.toLowerCase())) byEmail.set(c.email.toLowerCase(), c.id);
      if (c.phone && !byPhone.has(c.phone)) byPhone.set(c.phone, c.id);
    }
    const byId = new Set<string>();
    const current = new Map<string, Record<string, string | number | boolean>>();
    const ids = planned.flatMap((p) => (p.id ? [p.id] : []));
    for (const id of new Set([...ids, ...byEmail.values(), ...byPhone.values()])) {
      const locked = await this.directory.lockOwned(em, accountId, id);
      if (locked) current.set(id, locked.attributes);
      if (locked) byId.add(id);
    }
    const errors: ContactImportRowError[] = [];
    const seen = new Map<string, number>();
    for (const p of planned) {
      const { email, phone } = p.fields;
      if (p.id && !byId.has(p.id)) {
        errors.push({ row: p.row, message: `id: no contact ${p.id} in this account` });
        continue;
      }
      const keys = [p.id && `id:${p.id}`, email && `email:${email}`, phone && `phone:${phone}`];
      const earlier = keys.map((k) => (k ? seen.get(k) : undefined)).find(Boolean);
      if (earlier) {
        errors.push({ row: p.row, message: `The same contact as row ${earlier}` });
        continue;
      }
      for (const k of keys) if (k) seen.set(k, p.row);
      const id = p.id || (email && byEmail.get(email)) || (phone && byPhone.get(phone));
      if (id) p.match = { id, attributes: current.get(id) ?? {} };
    }
    return errors;
  }
}

function requireAdmin(op: AuthenticatedOperator, what: string): void {
  if (op.role !== 'admin') throw new AppException('FORBIDDEN', `Only admins can ${what} contacts`);
}

function invalid(errors: ContactImportRowError[]): AppException {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new AppException(
    'INVALID_IMPORT',
    `Nothing was imported: row ${first.row}: ${first.message}${more}`,
    { errors: errors.slice(0, 100) },
  );
}

/** What each column is; an unknown or repeated column is an error on row 1. */
function headerColumns(cells: string[], defs: ContactAttributeEntity[]) {
  const known = new Set<string>(['id', ...BUILT_IN, ...defs.map((d) => d.key)]);
  const names: (string | null)[] = [];
  const errors: ContactImportRowError[] = [];
  for (const cell of cells) {
    const name = cell.trim().toLowerCase();
    if (EXPORT_ONLY.has(name) || name === '') names.push(null);
    else if (!known.has(name)) errors.push({ row: 1, message: `Unknown column "${cell.trim()}"` });
    else if (names.includes(name))
      errors.push({ row: 1, message: `Column "${name}" appears twice` });
    else names.push(name);
  }
  if (!names.some((n) => n === 'name' || n === 'email' || n === 'phone'))
    errors.push({ row: 1, message: 'The header needs a name, email or phone column' });
  return { names, errors };
}

/** One record's fields, checked; empty cells are absent (an update keeps what is stored). */
function readRow(
  cells: string[],
  names: (string | null)[],
  defs: ContactAttributeEntity[],
  region: string | undefined,
):
  | { id: string | null; fields: ContactFields; attributeCells: Record<string, string> }
  | { error: string } {
  if (cells.length > names.length)
    return { error: `${cells.length} cells for ${names.length} columns` };
  const builtIn: Record<string, string> = {};
  const attributeCells: Record<string, string> = {};
  let id: string | null = null;
  names.forEach((name, i) => {
    const value = unprotectCell(cells[i] ?? '');
    if (!name || value.trim() === '') return;
    if (name === 'id') id = value.trim().toLowerCase();
    else if ((BUILT_IN as readonly string[]).includes(name)) builtIn[name] = value;
    else attributeCells[name] = value;
  });
  if (id !== null && !isUuid(id)) return { error: `id: "${id}" is not a contact id` };
  if (!builtIn['name'] && !builtIn['email'] && !builtIn['phone'])
    return { error: 'A contact needs a name, an email or a phone number' };
  const checked = updateContactRequestSchema.safeParse(builtIn);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { error: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}` };
  }
  try {
    const fields = contactFields(checked.data, defs, {}, region);
    // Checked now, so a wrong value is a row error; applied over the stored values later.
    contactFields({ attributes: attributeCells }, defs, {}, region, true);
    return { id, fields, attributeCells };
  } catch (e) {
    return { error: e instanceof AppException ? e.message : 'invalid row' };
  }
}
