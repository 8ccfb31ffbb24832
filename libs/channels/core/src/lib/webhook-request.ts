/** An HTTP request from a provider, as the adapter needs it to verify and parse. */
export interface WebhookRequest {
  method: string;
  /** The full public URL the provider called (signatures such as Twilio's cover it). */
  url: string;
  /**
   * The same request's URL as a trusted reverse proxy reported it (X-Forwarded-Proto/Host), when
   * it differs from `url`: a provider may have signed that one. The path is always the real one.
   */
  alternateUrls?: string[];
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Exact bytes received: signatures are computed over them. */
  rawBody: Buffer;
}

export function header(req: WebhookRequest, name: string): string | undefined {
  return req.headers[name.toLowerCase()];
}
