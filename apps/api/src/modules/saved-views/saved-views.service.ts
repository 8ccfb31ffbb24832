import { Injectable } from '@nestjs/common';
import {
  MAX_COUNTED_SAVED_VIEWS,
  MAX_SAVED_VIEWS_PER_OPERATOR,
  MAX_SHARED_SAVED_VIEWS_PER_ACCOUNT,
  savedViewQuerySchema,
  type ParsedCreateSavedViewRequest,
  type ParsedUpdateSavedViewRequest,
  type SavedViewCountsDto,
  type SavedViewDto,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { mayEditView, toSavedViewDto } from './saved-view.mapper';
import {
  isViewNameTaken,
  SavedViewsRepository,
  type SavedViewChanges,
  type SavedViewWithOwner,
} from './saved-views.repository';
import { ViewCountCache, viewCountKey } from './view-count-cache';

/** Counts run a few at a time: enough to be quick, few enough to leave the pool to others. */
const COUNT_CONCURRENCY = 4;

/**
 * Saved views: named feed queries, personal or shared. The owner changes a view; an admin may
 * change a shared one too; somebody else's personal view does not exist for anyone else (404).
 */
@Injectable()
export class SavedViewsService {
  /** Counts shared by viewers with the same access until the account's stream moves. */
  private readonly cache = new ViewCountCache();

  constructor(private readonly repo: SavedViewsRepository) {}

  async list(op: AuthenticatedOperator): Promise<SavedViewDto[]> {
    const views = await this.repo.listVisible(op.accountId, op.id);
    return views.map((v) => toSavedViewDto(op, v));
  }

  async create(
    op: AuthenticatedOperator,
    body: ParsedCreateSavedViewRequest,
  ): Promise<SavedViewDto> {
    const id = await this.saving(body.name, () =>
      this.repo.transaction(async (tx) => {
        await this.repo.lockOwner(tx, op.id);
        if ((await this.repo.countOwnedBy(tx, op.id)) >= MAX_SAVED_VIEWS_PER_OPERATOR)
          throw new AppException(
            'CONFLICT',
            `You have ${MAX_SAVED_VIEWS_PER_OPERATOR} saved views already; delete one first`,
          );
        if (body.shared) await this.assertSharedRoom(tx, op.accountId);
        return this.repo.insert(tx, {
          accountId: op.accountId,
          ownerOperatorId: op.id,
          name: body.name,
          shared: body.shared,
          pinned: body.pinned,
          position: body.position ?? (await this.repo.nextPosition(tx, op.id)),
          query: body.query,
        });
      }),
    );
    return this.reload(op, id);
  }

  async update(
    op: AuthenticatedOperator,
    id: string,
    req: ParsedUpdateSavedViewRequest,
  ): Promise<SavedViewDto> {
    return this.saving(req.name ?? '', () =>
      this.repo.transaction(async (tx) => {
        const view = await this.findEditable(tx, op, id);
        if (req.shared === true && !view.shared) await this.assertSharedRoom(tx, op.accountId);
        const changes: SavedViewChanges = {
          name: req.name,
          shared: req.shared,
          pinned: req.pinned,
          position: req.position,
          query: req.query,
        };
        for (const key of Object.keys(changes) as (keyof SavedViewChanges)[])
          if (changes[key] === undefined) delete changes[key];
        await this.repo.update(tx, view.id, changes);
        // Read in the transaction and by account: an admin who unshares a colleague's view
        // changed it legitimately even though they can no longer see it.
        const updated = await this.repo.findInAccount(tx, view.id, op.accountId);
        // Deleted by a concurrent request after we found it: gone, as for a later request.
        if (!updated) throw notFound('Saved view');
        return toSavedViewDto(op, updated);
      }),
    );
  }

  async remove(op: AuthenticatedOperator, id: string): Promise<void> {
    const view = await this.findEditable(undefined, op, id);
    await this.repo.delete(view.id);
  }

  /**
   * Each pinned view's count for the caller: the view's query run as the caller's own feed query,
   * so their inbox access applies (a shared view counts what each viewer may see). Only the first
   * views in sidebar order are counted; the rest, and views whose saved query no longer parses,
   * count null.
   */
  async counts(op: AuthenticatedOperator): Promise<SavedViewCountsDto> {
    const pinned = (await this.repo.listVisible(op.accountId, op.id)).filter((v) => v.pinned);
    const counts: Record<string, number | null> = {};
    for (const view of pinned) counts[view.id] = null;
    const counted = pinned.slice(0, MAX_COUNTED_SAVED_VIEWS);
    if (counted.length === 0) return { counts };
    // Read before counting: a count is at least as new as the position it is filed under.
    const [position, scope] = await Promise.all([
      this.repo.streamPosition(op.accountId),
      this.repo.accessScope(op),
    ]);
    for (let i = 0; i < counted.length; i += COUNT_CONCURRENCY) {
      const batch = counted.slice(i, i + COUNT_CONCURRENCY);
      const results = await Promise.all(batch.map((v) => this.countOne(op, v, position, scope)));
      batch.forEach((view, j) => (counts[view.id] = results[j] ?? null));
    }
    return { counts };
  }

  private async countOne(
    op: AuthenticatedOperator,
    view: SavedViewWithOwner,
    position: string | null,
    scope: string,
  ): Promise<number | null> {
    const query = savedViewQuerySchema.safeParse(view.query);
    if (!query.success) return null;
    const key = viewCountKey(op.accountId, { id: op.id, scope }, query.data);
    const cached = position === null ? undefined : this.cache.get(key, position);
    if (cached !== undefined) return cached;
    const count = await this.repo.countMatching({
      ...query.data,
      accountId: op.accountId,
      operatorId: op.id,
      role: op.role,
    });
    if (position !== null) this.cache.set(key, position, count);
    return count;
  }

  private async findEditable(
    em: EntityManager | undefined,
    op: AuthenticatedOperator,
    id: string,
  ): Promise<SavedViewWithOwner> {
    const view = await this.repo.findVisible(em ?? this.repo.manager, id, op.accountId, op.id);
    if (!view) throw notFound('Saved view');
    if (!mayEditView(op, view))
      throw new AppException('FORBIDDEN', 'Only the owner or an admin may change a shared view');
    return view;
  }

  private async assertSharedRoom(em: EntityManager, accountId: string): Promise<void> {
    await this.repo.lockAccount(em, accountId);
    if ((await this.repo.countShared(em, accountId)) >= MAX_SHARED_SAVED_VIEWS_PER_ACCOUNT)
      throw new AppException(
        'CONFLICT',
        `The account has ${MAX_SHARED_SAVED_VIEWS_PER_ACCOUNT} shared views already; delete one first`,
      );
  }

  private async reload(op: AuthenticatedOperator, id: string): Promise<SavedViewDto> {
    const view = await this.repo.findVisible(this.repo.manager, id, op.accountId, op.id);
    if (!view) throw notFound('Saved view');
    return toSavedViewDto(op, view);
  }

  /** A name taken by another view of the owner (or another shared view) is a conflict. */
  private async saving<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isViewNameTaken(err))
        throw new AppException(
          'CONFLICT',
          name
            ? `A view named "${name}" exists already`
            : 'A shared view with this name exists already',
        );
      throw err;
    }
  }
}
