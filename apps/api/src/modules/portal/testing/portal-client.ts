import type { SmtpPeer } from '@switchboard/testing';

/** A link in a mail the SMTP peer received for `to`, the newest first. */
export async function portalLinkFor(smtp: SmtpPeer, to: string, count: number): Promise<string> {
  const mails = await smtp.waitForMessages(count, 10_000);
  const mail = [...mails].reverse().find((m) => m.envelope.to.includes(to));
  const link = /https?:\/\/\S+\/portal\/link\/[A-Za-z0-9_-]+/.exec(mail?.parsed.text ?? '')?.[0];
  if (!link) throw new Error(`no portal link mailed to ${to}`);
  return link;
}

/**
 * A customer's browser without a browser: it keeps the portal cookie, posts forms like one (with
 * our Origin), and reads the CSRF token from the page it was given.
 */
export class PortalClient {
  cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly ip = '198.51.100.7',
  ) {}

  async request(
    method: string,
    path: string,
    body?: URLSearchParams | FormData,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; html: string; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      body,
      redirect: 'manual',
      headers: {
        origin: this.baseUrl,
        'x-forwarded-for': this.ip,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      const [pair = ''] = set.split(';');
      this.cookie = /=\s*$/.test(pair) || /expires=Thu, 01 Jan 1970/i.test(set) ? null : pair;
    }
    return { status: res.status, html: await res.text(), headers: res.headers };
  }

  askForLink(accountId: string, email: string) {
    return this.request('POST', `/portal/${accountId}/sign-in`, new URLSearchParams({ email }));
  }

  /** Opens a mailed link: the confirmation page, then its button. */
  async open(link: string) {
    const path = new URL(link).pathname;
    await this.request('GET', path);
    return this.request('POST', path);
  }

  /** The CSRF token of the signed-in session, from the requests page's sign-out form. */
  async csrf(): Promise<string> {
    const page = await this.request('GET', '/portal/requests');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1];
    if (!token) throw new Error(`no CSRF token (status ${page.status})`);
    return token;
  }

  async reply(
    conversationId: string,
    text: string,
    file?: { name: string; type: string; bytes: Buffer },
  ) {
    const form = new FormData();
    form.append('_csrf', await this.csrf());
    form.append('text', text);
    if (file)
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return this.request('POST', `/portal/requests/${conversationId}/replies`, form);
  }
}
