import type { TeamMemberDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePeopleStore } from '../../people/store/people-store';
import { useMentionPicker } from '../hooks/use-mention-picker';
import { mentionsInText } from '../utils/mentions-in-text';
import { MentionPicker } from './mention-picker';

const member = (id: string, name: string, active = true): TeamMemberDto => ({
  id,
  name,
  email: `${id}@shop.example`,
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
  avatarUrl: null,
  presence: 'online',
  active,
});

const PEOPLE = [
  member('anna', 'Anna Berg'),
  member('annika', 'Annika Olsen'),
  member('boris', 'Борис Петров'),
  member('gone', 'Anders Gone', false),
];

/** A textarea wired like the note composer's. */
function Harness({ enabled = true }: { enabled?: boolean }) {
  const [text, setText] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const latest = useRef(text);
  latest.current = text;
  const mention = useMentionPicker({
    enabled,
    textRef,
    currentText: () => latest.current,
    setText: (next) => {
      latest.current = next;
      setText(next);
    },
  });
  return (
    <>
      <textarea
        aria-label="note"
        ref={textRef}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          mention.update();
        }}
        onKeyDown={(e) => {
          if (!mention.onKeyDown(e) && e.key === 'Enter') e.preventDefault();
        }}
        {...mention.textareaAria}
      />
      {mention.picker && <MentionPicker {...mention.picker} />}
      <span data-testid="mentioned">
        {mentionsInText(text, mention.operators)
          .map((o) => o.id)
          .join(',')}
      </span>
    </>
  );
}

function type(value: string) {
  const box = screen.getByLabelText<HTMLTextAreaElement>('note');
  fireEvent.change(box, { target: { value } });
  return box;
}

const names = () => screen.getAllByTestId('mention-option').map((o) => o.textContent);

describe('the note composer’s @ picker', () => {
  beforeEach(() => {
    usePeopleStore.setState({ members: PEOPLE, loaded: true, loading: false });
  });
  afterEach(() => {
    cleanup();
    usePeopleStore.getState().reset();
  });

  it('opens on @ at a word start with the active colleagues, and types ahead on name', () => {
    render(<Harness />);
    type('mail jane@shop.example');
    expect(screen.queryByTestId('mention-picker')).toBeNull();
    type('Hi @');
    // Deactivated colleagues cannot be mentioned.
    expect(names()).toEqual(['Anna Berg', 'Annika Olsen', 'Борис Петров']);
    type('Hi @ann');
    expect(names()).toEqual(['Anna Berg', 'Annika Olsen']);
    type('Hi @olsen');
    expect(names()).toEqual(['Annika Olsen']);
    type('Hi @бор');
    expect(names()).toEqual(['Борис Петров']);
    type('Hi @zz');
    expect(screen.getByRole('status').textContent).toContain('zz');
  });

  it('moves with the arrows and mentions with Enter; the mention is read back from the text', () => {
    render(<Harness />);
    const box = type('Ask @an');
    const options = () => screen.getAllByTestId('mention-option');
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    const enter = fireEvent.keyDown(box, { key: 'Enter' });
    expect(enter).toBe(false); // used by the picker, not a send
    expect(box.value).toBe('Ask @Annika Olsen ');
    expect(screen.queryByTestId('mention-picker')).toBeNull();
    expect(screen.getByTestId('mentioned').textContent).toBe('annika');
    // Deleting the mention from the text un-mentions her.
    type('Ask ');
    expect(screen.getByTestId('mentioned').textContent).toBe('');
  });

  it('closes with Esc without inserting anything', () => {
    render(<Harness />);
    const box = type('@ann');
    const esc = fireEvent.keyDown(box, { key: 'Escape' });
    expect(esc).toBe(false); // default prevented: the global Esc stays out
    expect(screen.queryByTestId('mention-picker')).toBeNull();
    expect(box.value).toBe('@ann');
  });

  it('stays closed in reply mode: customers are never sent mentions', () => {
    render(<Harness enabled={false} />);
    type('Hi @');
    expect(screen.queryByTestId('mention-picker')).toBeNull();
  });
});
