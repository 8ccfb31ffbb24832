import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ContactAttributeDto,
  CreateContactAttributeRequest,
  UpdateContactAttributeRequest,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { ContactAttributesRepository } from './contact-attributes.repository';
import type { ContactAttributeEntity } from './entities/contact-attribute.entity';

/** Custom contact attributes: every operator reads them (the card, the feed filter), admins define them. */
@Injectable()
export class ContactAttributesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: ContactAttributesRepository,
  ) {}

  async list(op: AuthenticatedOperator): Promise<ContactAttributeDto[]> {
    return (await this.repo.list(op.accountId)).map(toDto);
  }

  create(
    op: AuthenticatedOperator,
    body: CreateContactAttributeRequest,
  ): Promise<ContactAttributeDto> {
    requireAdmin(op);
    const options = checkedOptions(body.type, body.options);
    return this.ds.transaction(async (em) => {
      const created = await this.repo.insert(em, op.accountId, { ...body, options });
      if (!created)
        throw new AppException(
          'CONFLICT',
          `An attribute with the key "${body.key}" exists already`,
        );
      return toDto(created);
    });
  }

  update(
    op: AuthenticatedOperator,
    id: string,
    body: UpdateContactAttributeRequest,
  ): Promise<ContactAttributeDto> {
    requireAdmin(op);
    return this.ds.transaction(async (em) => {
      const def = await this.repo.findInAccount(em, op.accountId, id);
      if (!def) throw notFound('Attribute');
      const options =
        body.options === undefined ? undefined : checkedOptions(def.type, body.options);
      await this.repo.update(em, def.id, { label: body.label, options });
      return toDto({ ...def, label: body.label ?? def.label, options: options ?? def.options });
    });
  }

  /** Deletes the definition and every contact's value of it. */
  delete(op: AuthenticatedOperator, id: string): Promise<void> {
    requireAdmin(op);
    return this.ds.transaction(async (em) => {
      const def = await this.repo.findInAccount(em, op.accountId, id);
      if (!def) throw notFound('Attribute');
      await this.repo.delete(em, op.accountId, def);
    });
  }
}

function requireAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can define contact attributes');
}

/** A list needs its choices, without repeats; the other types take none. */
function checkedOptions(type: ContactAttributeDto['type'], options: string[]): string[] {
  const unique = [...new Set(options)];
  if (type !== 'list') {
    if (unique.length > 0)
      throw new AppException('VALIDATION_FAILED', `options: only a list attribute has options`);
    return [];
  }
  if (unique.length === 0)
    throw new AppException(
      'VALIDATION_FAILED',
      'options: a list attribute needs at least one option',
    );
  return unique;
}

export function toDto(e: ContactAttributeEntity): ContactAttributeDto {
  return {
    id: e.id,
    key: e.key,
    label: e.label,
    type: e.type,
    options: e.options,
    createdAt: e.createdAt.toISOString(),
  };
}
