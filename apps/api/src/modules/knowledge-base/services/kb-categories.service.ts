import { Injectable } from '@nestjs/common';
import type { KbCategoryDto, KbCategoryRequest } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { AppException } from '../../../core/http/app.exception';
import { toKbCategoryDto } from '../kb.mapper';
import {
  isUniqueViolation,
  KbCategoriesRepository,
  type KbCategoryFields,
} from '../repositories/kb-categories.repository';
import { assertKbAdmin } from './kb-roles';

/** The help centre's shelves: everyone reads them, admins arrange them. */
@Injectable()
export class KbCategoriesService {
  constructor(private readonly repo: KbCategoriesRepository) {}

  async list(op: AuthenticatedOperator): Promise<KbCategoryDto[]> {
    return (await this.repo.list(op.accountId)).map(toKbCategoryDto);
  }

  async create(op: AuthenticatedOperator, body: KbCategoryRequest): Promise<KbCategoryDto> {
    assertKbAdmin(op);
    const position = body.position ?? (await this.repo.nextPosition(op.accountId));
    return toKbCategoryDto(
      await this.saving(() => this.repo.create(op.accountId, { ...body, position })),
    );
  }

  async update(
    op: AuthenticatedOperator,
    id: string,
    body: KbCategoryRequest,
  ): Promise<KbCategoryDto> {
    assertKbAdmin(op);
    const category = await this.repo.find(op.accountId, id);
    if (!category) throw new AppException('NOT_FOUND', 'Category not found');
    const fields: KbCategoryFields = {
      slug: body.slug,
      names: body.names,
      position: body.position ?? category.position,
    };
    return toKbCategoryDto(await this.saving(() => this.repo.update(category, fields)));
  }

  /** Its articles stay, without a category. */
  async remove(op: AuthenticatedOperator, id: string): Promise<void> {
    assertKbAdmin(op);
    if (!(await this.repo.remove(op.accountId, id)))
      throw new AppException('NOT_FOUND', 'Category not found');
  }

  /** Every category of the account, in the new order. */
  async reorder(op: AuthenticatedOperator, ids: string[]): Promise<KbCategoryDto[]> {
    assertKbAdmin(op);
    const current = await this.repo.list(op.accountId);
    const known = new Set(current.map((c) => c.id));
    if (
      new Set(ids).size !== ids.length ||
      ids.length !== known.size ||
      ids.some((id) => !known.has(id))
    )
      throw new AppException('VALIDATION_FAILED', 'The order must name every category once');
    await this.repo.reorder(op.accountId, ids);
    return this.list(op);
  }

  private async saving<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppException('CONFLICT', 'Another category already has this slug');
      throw e;
    }
  }
}
