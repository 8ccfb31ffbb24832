import type { SavedViewDto, SavedViewQuery } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import type { SavedViewWithOwner } from './saved-views.repository';

/** Who may change a view: its owner; for a shared view, any admin of the account too. */
export function mayEditView(
  op: Pick<AuthenticatedOperator, 'id' | 'role'>,
  view: Pick<SavedViewWithOwner, 'ownerOperatorId' | 'shared'>,
): boolean {
  return view.ownerOperatorId === op.id || (view.shared && op.role === 'admin');
}

export function toSavedViewDto(op: AuthenticatedOperator, view: SavedViewWithOwner): SavedViewDto {
  return {
    id: view.id,
    name: view.name,
    shared: view.shared,
    ownerOperatorId: view.ownerOperatorId,
    ownerName: view.ownerOperator.name,
    editable: mayEditView(op, view),
    pinned: view.pinned,
    position: view.position,
    // Stored as the schema parsed it; a view saved before a filter changed is shown as saved.
    query: view.query as SavedViewQuery,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}
