import type { LoginResponseDto, SessionDto } from '@switchboard/contracts';
import { TEST_ADMIN } from './test-api';

export interface HttpResult<T> {
  status: number;
  body: T;
}

/** A tiny JSON client for tests: returns status and parsed body, never throws on 4xx/5xx. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  /** Asserting variant: throws with the server's reason unless the status is 2xx. */
  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request<T>(method, path, body);
    if (r.status < 200 || r.status >= 300)
      throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

export async function loginAs(
  baseUrl: string,
  email: string = TEST_ADMIN.email,
  password: string = TEST_ADMIN.password,
): Promise<{ client: ApiClient; login: LoginResponseDto }> {
  const login = await new ApiClient(baseUrl).ok<LoginResponseDto>('POST', '/api/auth/login', {
    email,
    password,
  });
  return { client: new ApiClient(baseUrl, login.token), login };
}

/** A browser-style session: the cookie the SPA's browser would send, and its CSRF token. */
export interface CookieSession {
  /** `name=value`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** The Set-Cookie header as the server sent it (attributes included). */
  setCookie: string;
  session: SessionDto;
  /** Headers of a cookie-authenticated change: the cookie and the CSRF token. */
  headers: Record<string, string>;
}

/** Signs in like the SPA (`session: "cookie"`); throws unless the server answered 200. */
export async function loginWithCookie(
  baseUrl: string,
  email: string = TEST_ADMIN.email,
  password: string = TEST_ADMIN.password,
  headers: Record<string, string> = {},
): Promise<CookieSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password, session: 'cookie' }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`cookie login → ${res.status}: ${text}`);
  const setCookie = res.headers.getSetCookie().find((c) => /sb_session=/.test(c)) ?? '';
  const session = JSON.parse(text) as SessionDto;
  const cookie = setCookie.split(';')[0] ?? '';
  return {
    cookie,
    csrfToken: session.csrfToken,
    setCookie,
    session,
    headers: { cookie, 'x-csrf-token': session.csrfToken },
  };
}
