import type { ReceivedMail } from '@switchboard/testing';

/** The confirmation link in a confirmation email's text. */
export function confirmationLinkIn(mail: ReceivedMail): string {
  const link = /(https?:\/\/\S+\/contact\/confirm\?token=\S+)/.exec(mail.parsed.text ?? '')?.[1];
  if (!link) throw new Error(`No confirmation link in: ${mail.parsed.text ?? ''}`);
  return link;
}

/** What a person does with the link: open the page, press its button (a form POST). */
export async function confirmByLink(link: string): Promise<{ status: number; html: string }> {
  const page = await fetch(link);
  const html = await page.text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !token) return { status: page.status, html };
  const confirmed = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: unescapeHtml(token) }).toString(),
  });
  return { status: confirmed.status, html: await confirmed.text() };
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
