import type { CsatSettingsDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsatSettingsPanel } from './csat-settings-panel';

const INBOX = '7d0f4a4e-8d7e-4a44-9d43-1d1bb1a0d011';
const stored: CsatSettingsDto = {
  inboxId: INBOX,
  enabled: false,
  delayMinutes: 0,
  question: 'How would you rate the help you received?',
  scale: 'csat',
  commentEnabled: true,
  quietDays: 30,
};

/** The settings route: PUT answers like the server (422 with its reason for a blank question). */
function serve() {
  const puts: unknown[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      expect(new URL(String(url), 'http://localhost').pathname).toBe(
        `/api/inboxes/${INBOX}/csat-settings`,
      );
      if (init?.method !== 'PUT') return json(stored);
      const body = JSON.parse(String(init.body)) as Omit<CsatSettingsDto, 'inboxId'>;
      puts.push(body);
      if (body.question.trim() === '')
        return json(
          {
            statusCode: 422,
            code: 'VALIDATION_FAILED',
            message: 'question: String must contain at least 1 character(s)',
          },
          422,
        );
      return json({ ...body, inboxId: INBOX });
    }),
  );
  return puts;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CsatSettingsPanel', () => {
  it('saves the survey settings with PUT and shows the server’s refusal in words', async () => {
    const puts = serve();
    render(<CsatSettingsPanel inboxId={INBOX} readOnly={false} />);
    const enabled = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Ask customers after a conversation is closed',
    });
    expect(enabled.checked).toBe(false);
    fireEvent.click(enabled);
    fireEvent.change(screen.getByLabelText('Delay after closing (minutes, 0–1440)'), {
      target: { value: '15' },
    });
    fireEvent.change(screen.getByLabelText('Scale'), { target: { value: 'nps' } });
    fireEvent.change(screen.getByLabelText('Question'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /add a comment/ }));
    fireEvent.change(screen.getByLabelText('Do not ask the same customer again within (days)'), {
      target: { value: '7' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save survey settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not save: question: String must contain at least 1 character(s)',
    );

    fireEvent.change(screen.getByLabelText('Question'), {
      target: { value: 'Would you recommend us?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save survey settings' }));
    await waitFor(() =>
      expect(screen.getByTestId('csat-settings-message').textContent).toBe(
        'Survey settings saved.',
      ),
    );
    expect(puts).toEqual([
      expect.objectContaining({ question: '   ' }),
      {
        enabled: true,
        delayMinutes: 15,
        question: 'Would you recommend us?',
        scale: 'nps',
        commentEnabled: false,
        quietDays: 7,
      },
    ]);

    // Left empty (what a number field holds for "abc"): refused before asking the server.
    fireEvent.change(screen.getByLabelText('Delay after closing (minutes, 0–1440)'), {
      target: { value: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save survey settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The delay and the quiet period must be whole numbers.',
    );
    expect(puts).toHaveLength(2);
  });

  it('operators who are not admins read the settings but cannot change them', async () => {
    serve();
    render(<CsatSettingsPanel inboxId={INBOX} readOnly />);
    const enabled = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: /Ask customers/,
    });
    expect(enabled.matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save survey settings' })).toBeNull();
  });
});
