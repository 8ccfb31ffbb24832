import { describe, expect, it } from 'vitest';
import { articleBody } from './article-html';

const BASE = 'https://support.example/';

function render(html: string): HTMLElement {
  const div = document.createElement('div');
  div.appendChild(articleBody(html, BASE));
  return div;
}

describe('an article body in the widget', () => {
  it('keeps the structure and opens links in a new tab', () => {
    const out = render(
      '<h2>Steps</h2><ol><li>Open <a href="https://shop.example/orders">orders</a></li></ol><p><img src="/files/a.png" alt="A"></p>',
    );
    expect(out.querySelector('h2')?.textContent).toBe('Steps');
    const link = out.querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    // Relative addresses are the help centre's, not the customer site's.
    expect(out.querySelector('img')?.getAttribute('src')).toBe(
      'https://support.example/files/a.png',
    );
  });

  it('drops scripts, handlers, frames and unsafe links even if the server let one through', () => {
    const out = render(
      '<p onclick="alert(1)" style="color:red">Hi<script>alert(2)</script></p>' +
        '<a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>' +
        '<img src="x" onerror="alert(4)"><svg><script>alert(5)</script></svg>',
    );
    expect(out.innerHTML).not.toMatch(/script|onclick|onerror|javascript|iframe|style=/i);
    expect(out.querySelector('p')?.textContent).toBe('Hi');
    expect(out.querySelector('a')?.hasAttribute('href')).toBe(false);
  });
});
