import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AttachmentList } from './attachment-list';

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
});
