import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { notificationTitle } from '../../notifications/utils/notification-title';
import { MentionText } from './mention-text';

describe('a note’s mentions', () => {
  afterEach(cleanup);

  it('highlights each @Name of a mentioned colleague and leaves the rest as text', () => {
    const { container } = render(
      <p>
        <MentionText
          text="@Anna Berg and @Bob, not @Carla"
          mentions={[
            { id: 'a', name: 'Anna Berg' },
            { id: 'b', name: 'Bob' },
          ]}
        />
      </p>,
    );
    expect(screen.getAllByTestId('mention').map((m) => m.textContent)).toEqual([
      '@Anna Berg',
      '@Bob',
    ]);
    expect(container.textContent).toBe('@Anna Berg and @Bob, not @Carla');
  });

  it('titles a mention notification', () => {
    expect(notificationTitle('mention', { contact: { name: 'Ada' } as never })).toBe(
      'You were mentioned in a note: Ada',
    );
  });
});
