import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import { eventually, type ApiClient } from '@switchboard/testing';

// What every channel's integration spec needs: a conversation's timeline, files, raw posts.

/** The open conversation in an inbox whose contact has this name or handle, once it exists. */
export function conversationIn(admin: ApiClient, inboxId: string, who: string, timeoutMs = 10_000) {
  return eventually(async () => {
    const page = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?status=open&limit=100&inboxId=${inboxId}`,
    );
    return page.items.find((c) => c.contact.name === who || c.contact.handle === who);
  }, timeoutMs);
}

export async function timeline(admin: ApiClient, conversationId: string): Promise<MessageDto[]> {
  const page = await admin.ok<Page<MessageDto>>(
    'GET',
    `/api/conversations/${conversationId}/messages?limit=100`,
  );
  return [...page.items].reverse();
}

/** The timeline once `predicate` holds for it. */
export function timelineWhen(
  admin: ApiClient,
  conversationId: string,
  predicate: (messages: MessageDto[]) => boolean,
  timeoutMs = 10_000,
): Promise<MessageDto[]> {
  return eventually(async () => {
    const messages = await timeline(admin, conversationId);
    return predicate(messages) && messages;
  }, timeoutMs);
}

/** A 1×1 PNG and a minimal PDF: real bytes, so stored files can be compared byte for byte. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export function postJson(
  baseUrl: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** A stored file's bytes, downloaded as an operator (expects 200). */
export async function downloadFile(baseUrl: string, token: string, url: string): Promise<Buffer> {
  const res = await fetch(`${baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Uploads a file as an operator, to attach to a reply. */
export async function uploadFile(
  baseUrl: string,
  token: string,
  filename: string,
  bytes: Buffer,
  type: string,
): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${baseUrl}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}
