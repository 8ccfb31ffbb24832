import type { CannedReplyDto, RenderedCannedReplyDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cannedRepliesApi } from '../api/canned-replies-api';
import { useCannedPicker } from '../hooks/use-canned-picker';
import { useCannedRepliesStore } from '../store/canned-replies-store';
import { CannedPicker } from './canned-picker';

const reply = (id: string, shortcut: string, title: string, body: string): CannedReplyDto => ({
  id,
  scope: 'shared',
  ownerOperatorId: null,
  title,
  shortcut,
  body,
  attachments: [],
  createdAt: '',
  updatedAt: '',
});

const REPLIES = [
  reply('r1', 'hello', 'Greeting', 'Hi {{contact.first_name}}!'),
  reply('r2', 'refund', 'Refund policy', 'Refunds take 5 days.'),
];

const attached: unknown[] = [];

/** A textarea wired like the composer's. */
function Harness() {
  const [text, setText] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const latest = useRef(text);
  latest.current = text;
  const canned = useCannedPicker({
    conversationId: 'c1',
    textRef,
    currentText: () => latest.current,
    setText: (next) => {
      latest.current = next;
      setText(next);
    },
    attach: (files) => attached.push(...files),
  });
  return (
    <>
      <textarea
        aria-label="reply"
        ref={textRef}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          canned.update();
        }}
        onKeyDown={(e) => {
          if (!canned.onKeyDown(e) && e.key === 'Enter') e.preventDefault();
        }}
        {...canned.textareaAria}
      />
      {canned.picker && <CannedPicker {...canned.picker} />}
    </>
  );
}

function type(value: string) {
  const box = screen.getByLabelText<HTMLTextAreaElement>('reply');
  // jsdom puts the caret at the end of a value set like this, as typing would.
  fireEvent.change(box, { target: { value } });
  return box;
}

describe('the composer’s / picker', () => {
  beforeEach(() => {
    vi.spyOn(cannedRepliesApi, 'list').mockResolvedValue(REPLIES);
    useCannedRepliesStore.setState({ replies: REPLIES, loaded: true });
    render(<Harness />);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('opens on / at a word start and filters fuzzily on title, shortcut and body', () => {
    type('and/or');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    type('Hello /');
    expect(screen.getAllByTestId('canned-option')).toHaveLength(2);
    type('Hello /rfd');
    expect(screen.getAllByTestId('canned-option').map((o) => o.textContent)).toEqual([
      expect.stringContaining('/refund'),
    ]);
    type('Hello /5 days');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
  });

  it('moves with the arrows, inserts the rendered reply with Enter, text stays editable', async () => {
    const rendered: RenderedCannedReplyDto = {
      text: 'Refunds take 5 days, Ana.',
      unknownPlaceholders: [],
      attachments: [
        { id: 'f1', filename: 'policy.pdf', contentType: 'application/pdf', size: 9, url: '/f1' },
      ],
    };
    attached.length = 0;
    const renderSpy = vi.spyOn(cannedRepliesApi, 'render').mockResolvedValue(rendered);
    const box = type('Sure: /');
    const options = () => screen.getAllByTestId('canned-option');
    expect(options()[0].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options()[0].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    expect(renderSpy).toHaveBeenCalledWith('r2', 'c1');
    expect(box.value).toBe('Sure: Refunds take 5 days, Ana.');
    expect(attached).toEqual(rendered.attachments);
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    expect(box.readOnly).toBe(false);
  });

  it('closes with Esc without inserting anything', () => {
    const renderSpy = vi.spyOn(cannedRepliesApi, 'render');
    const box = type('/he');
    const esc = fireEvent.keyDown(box, { key: 'Escape' });
    expect(esc).toBe(false); // default prevented: the global Esc (leave conversation) stays out
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    expect(renderSpy).not.toHaveBeenCalled();
    expect(box.value).toBe('/he');
  });

  it('says so when nothing matches', () => {
    type('/zzz');
    expect(screen.getByRole('status').textContent).toContain('zzz');
  });
});
