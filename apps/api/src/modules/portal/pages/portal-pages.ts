import type { PreChatField } from '@switchboard/contracts';
import type { PortalMessageRow, PortalRequestRow } from '../portal-requests.repository';
import { esc } from './portal-layout';
import type { PortalLocale, PortalStrings } from './portal-strings';

export interface PageContext {
  locale: PortalLocale;
  s: PortalStrings;
}

/** The sign-in form, with an optional notice above it (link sent, link expired, ...). */
export function signInBody(c: PageContext, accountId: string | null, notice?: string): string {
  const form = accountId
    ? `<form method="post" action="/portal/${esc(accountId)}/sign-in">
        <label for="email">${esc(c.s.email)}</label>
        <input id="email" type="email" name="email" required maxlength="254" autocomplete="email">
        <p><button type="submit">${esc(c.s.sendLink)}</button></p></form>`
    : `<p>${esc(c.s.signInAgain)}</p>`;
  return `<h1>${esc(c.s.signInHeading)}</h1>
    ${notice ? `<p class="notice" role="status">${esc(notice)}</p>` : ''}
    <p>${esc(c.s.signInIntro)}</p>${form}`;
}

function statusWord(c: PageContext, r: PortalRequestRow): string {
  return c.s[r.status];
}

function when(c: PageContext, d: Date): string {
  return d.toLocaleString(c.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
}

function header(c: PageContext, csrf: string): string {
  return `<header><h1>${esc(c.s.requests)}</h1><a href="/portal/new">${esc(c.s.newRequest)}</a>
    <form class="inline" method="post" action="/portal/sign-out">
      <input type="hidden" name="_csrf" value="${esc(csrf)}">
      <button type="submit">${esc(c.s.signOut)}</button></form></header>`;
}

export function requestsBody(c: PageContext, csrf: string, rows: PortalRequestRow[]): string {
  if (rows.length === 0) return `${header(c, csrf)}<p>${esc(c.s.noRequests)}</p>`;
  const items = rows
    .map(
      (r) => `<tr>
        <td>${r.number}</td>
        <td><a href="/portal/requests/${r.id}">${esc(title(r))}</a></td>
        <td class="status">${esc(statusWord(c, r))}</td>
        <td>${esc(r.assigneeName ?? c.s.unassigned)}</td>
        <td>${esc(when(c, r.lastActivityAt))}</td></tr>`,
    )
    .join('');
  return `${header(c, csrf)}<table><thead><tr><th>${esc(c.s.number)}</th><th>${esc(c.s.subject)}</th>
    <th>${esc(c.s.status)}</th><th>${esc(c.s.assignee)}</th><th>${esc(c.s.updated)}</th></tr></thead>
    <tbody>${items}</tbody></table>`;
}

function title(r: PortalRequestRow): string {
  const text = r.subject?.trim() || r.preview?.trim() || `#${r.number}`;
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function requestBody(
  c: PageContext,
  csrf: string,
  r: PortalRequestRow,
  messages: PortalMessageRow[],
  error?: string,
): string {
  const list = messages
    .map((m) => {
      const who = m.direction === 'incoming' ? c.s.you : (m.senderName ?? c.s.support);
      const files = m.attachments
        .filter((a) => !a.status)
        .map(
          (a) =>
            `<li><a href="/portal/files/${esc(a.id)}/${encodeURIComponent(a.filename)}">${esc(a.filename)}</a></li>`,
        )
        .join('');
      return `<article class="msg ${m.direction}"><p class="meta">${esc(who)} · ${esc(when(c, m.createdAt))}</p>
        ${m.text ? `<p>${esc(m.text).replace(/\n/g, '<br>')}</p>` : ''}${files ? `<ul>${files}</ul>` : ''}</article>`;
    })
    .join('');
  return `<p><a href="/portal/requests">← ${esc(c.s.back)}</a></p>
    <h1>#${r.number} ${esc(title(r))}</h1>
    <p><span class="status">${esc(statusWord(c, r))}</span> · ${esc(c.s.assignee)}: ${esc(r.assigneeName ?? c.s.unassigned)}</p>
    ${list}
    <h2>${esc(c.s.reply)}</h2>
    ${error ? `<p class="notice" role="alert">${esc(error)}</p>` : ''}
    <form method="post" action="/portal/requests/${r.id}/replies" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value="${esc(csrf)}">
      <label for="text">${esc(c.s.replyLabel)}</label>
      <textarea id="text" name="text" rows="5" maxlength="20000"></textarea>
      <p><label for="file">${esc(c.s.attach)}</label><br><input id="file" type="file" name="file"></p>
      <p><button type="submit">${esc(c.s.send)}</button></p></form>`;
}

/** "New request": the target inbox's fields, a subject, a message and an optional file. */
export function newRequestBody(
  c: PageContext,
  csrf: string,
  fields: readonly PreChatField[],
  error?: string,
  values: { subject?: string; text?: string; answers?: Record<string, string> } = {},
): string {
  return `<p><a href="/portal/requests">← ${esc(c.s.back)}</a></p>
    <h1>${esc(c.s.newRequest)}</h1>
    ${error ? `<p class="notice" role="alert">${esc(error)}</p>` : ''}
    <form method="post" action="/portal/new" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value="${esc(csrf)}">
      ${fields.map((f) => fieldInput(f, values.answers?.[f.key] ?? '')).join('')}
      <p><label for="subject">${esc(c.s.subjectLabel)}</label>
      <input id="subject" name="subject" required maxlength="200" value="${esc(values.subject ?? '')}"></p>
      <p><label for="text">${esc(c.s.messageLabel)}</label>
      <textarea id="text" name="text" rows="6" required maxlength="20000">${esc(values.text ?? '')}</textarea></p>
      <p><label for="file">${esc(c.s.attach)}</label><br><input id="file" type="file" name="file"></p>
      <p><button type="submit">${esc(c.s.create)}</button></p></form>`;
}

/** Form names of the inbox's fields: `field_<key>` (keys are [a-z0-9_], safe in an attribute). */
export const FIELD_PREFIX = 'field_';

const INPUT_OF: Record<PreChatField['type'], { type: string; max: number; autocomplete: string }> =
  {
    name: { type: 'text', max: 255, autocomplete: 'name' },
    email: { type: 'email', max: 254, autocomplete: 'email' },
    text: { type: 'text', max: 500, autocomplete: 'off' },
  };

function fieldInput(field: PreChatField, value: string): string {
  const input = INPUT_OF[field.type];
  const id = `${FIELD_PREFIX}${field.key}`;
  return `<p><label for="${id}">${esc(field.label)}</label>
      <input id="${id}" name="${id}" type="${input.type}" maxlength="${input.max}"
        autocomplete="${input.autocomplete}"${field.required ? ' required' : ''} value="${esc(value)}"></p>`;
}
