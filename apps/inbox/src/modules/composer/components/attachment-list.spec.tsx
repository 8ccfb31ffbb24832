import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentList } from './attachment-list';

afterEach(cleanup);

describe('AttachmentList', () => {
  it('shows images as thumbnails and other files as download links', () => {
    render(
      <AttachmentList
        attachments={[
          {
            id: '1',
            filename: 'photo.png',
            contentType: 'image/png',
            size: 10,
            url: '/api/files/1/photo.png',
          },
          {
            id: '2',
            filename: 'invoice.pdf',
            contentType: 'application/pdf',
            size: 10,
            url: '/api/files/2/invoice.pdf',
          },
          {
            id: '3',
            filename: 'logo.svg',
            contentType: 'image/svg+xml',
            size: 10,
            url: '/api/files/3/logo.svg',
          },
        ]}
      />,
    );
    const img = screen.getByRole('img', { name: 'photo.png' });
    expect(img.getAttribute('src')).toBe('/api/files/1/photo.png');
    expect(screen.getAllByRole('img')).toHaveLength(1);
    const pdf = screen.getByRole('link', { name: 'invoice.pdf' });
    expect(pdf.getAttribute('download')).toBe('invoice.pdf');
    // SVG can carry script: never rendered inline, only downloaded.
    expect(screen.getByRole('link', { name: 'logo.svg' }).getAttribute('download')).toBe(
      'logo.svg',
    );
  });

  it('shows a file still being fetched, or one that could not be, without a link', () => {
    render(
      <AttachmentList
        attachments={[
          {
            id: '4',
            filename: 'photo.jpg',
            contentType: 'image/jpeg',
            size: 10,
            url: '',
            status: 'pending',
          },
          {
            id: '5',
            filename: 'huge.zip',
            contentType: 'application/zip',
            size: 30 * 1024 * 1024,
            url: '',
            status: 'unavailable',
            unavailableReason: 'File too large to fetch from Telegram (over 20 MB)',
          },
        ]}
      />,
    );
    expect(screen.getByTestId('attachment-pending').textContent).toBe('photo.jpg Fetching file…');
    expect(screen.getByTestId('attachment-unavailable').textContent).toBe(
      'huge.zip File too large to fetch from Telegram (over 20 MB)',
    );
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.queryAllByRole('img')).toHaveLength(0);
  });
});
