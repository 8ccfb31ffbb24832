import type { CannedReplyDto, OperatorDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { cannedRepliesApi } from '../api/canned-replies-api';
import { useCannedRepliesStore } from '../store/canned-replies-store';
import { CannedRepliesPanel } from './canned-replies-panel';

const reply = (id: string, scope: CannedReplyDto['scope']): CannedReplyDto => ({
  id,
  scope,
  ownerOperatorId: scope === 'personal' ? 'me' : null,
  title: `Title ${id}`,
  shortcut: id,
  body: `Body ${id}`,
  attachments: [],
  createdAt: '',
  updatedAt: '',
});

const signInAs = (role: OperatorDto['role']) =>
  useAuthStore.setState({ operator: { id: 'me', role } as OperatorDto });

describe('CannedRepliesPanel', () => {
  beforeEach(() => {
    useCannedRepliesStore.setState({ replies: [], loaded: false, loadError: null });
    vi.spyOn(cannedRepliesApi, 'list').mockResolvedValue([
      reply('shared1', 'shared'),
      reply('mine1', 'personal'),
    ]);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows an agent the shared replies read-only and their own editable', async () => {
    signInAs('agent');
    await act(async () => {
      render(<CannedRepliesPanel />);
    });
    const shared = screen.getByTestId('canned-section-shared');
    expect(within(shared).getByText('Body shared1')).toBeTruthy();
    expect(within(shared).queryByRole('button', { name: 'Edit' })).toBeNull();
    const personal = screen.getByTestId('canned-section-personal');
    expect(within(personal).getByRole('button', { name: 'Edit' })).toBeTruthy();

    // An agent's new reply is personal: there is no scope to choose.
    fireEvent.click(screen.getByTestId('canned-new'));
    expect(screen.queryByLabelText('Who can use it')).toBeNull();
  });

  it('lets an admin create a shared reply', async () => {
    signInAs('admin');
    const create = vi
      .spyOn(cannedRepliesApi, 'create')
      .mockImplementation(
        async (body) => ({ ...reply('new1', 'shared'), ...body }) as CannedReplyDto,
      );
    await act(async () => {
      render(<CannedRepliesPanel />);
    });
    expect(
      within(screen.getByTestId('canned-section-shared')).getByRole('button', { name: 'Edit' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByTestId('canned-new'));
    fireEvent.change(screen.getByLabelText('Who can use it'), { target: { value: 'shared' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Welcome' } });
    fireEvent.change(screen.getByLabelText('Shortcut (after /)'), { target: { value: 'welcome' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Hi {{contact.name}}' } });
    await act(async () => {
      fireEvent.submit(screen.getByTestId('canned-form'));
    });
    expect(create).toHaveBeenCalledWith({
      scope: 'shared',
      title: 'Welcome',
      shortcut: 'welcome',
      body: 'Hi {{contact.name}}',
      attachmentIds: [],
    });
    expect(
      within(screen.getByTestId('canned-section-shared')).getByText('Hi {{contact.name}}'),
    ).toBeTruthy();
  });
});
