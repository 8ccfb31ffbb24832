import { Injectable } from '@nestjs/common';
import {
  KB_LOCALES,
  MAX_KB_TITLE_LENGTH,
  type KbArticleDto,
  type KbArticleFromMessageRequest,
  type KbLocale,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { AppException } from '../../../core/http/app.exception';
import { InboxAccessRepository } from '../../access/inbox-access.repository';
import { KbArticlesRepository } from '../repositories/kb-articles.repository';
import { KbMessageSourceRepository } from '../repositories/kb-message-source.repository';
import { kbPlainText, sanitizeKbHtml } from '../sanitizing/kb-html-sanitizer';
import { KbArticlesService } from './kb-articles.service';
import { KbVersionsService } from './kb-versions.service';
import { slugFromTitle } from '../kb-slug';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain-text message as paragraphs: blank lines part them, single line breaks stay. */
export function textToKbHtml(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** The first line of a text, cut to a title's length at a word boundary. */
export function titleFrom(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  if (line.length <= MAX_KB_TITLE_LENGTH) return line;
  const cut = line.slice(0, MAX_KB_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

/**
 * "Turn into article": a good answer becomes a draft in the operator's language, titled after
 * the conversation's subject (or the message's first line), its body the message, sanitised.
 */
@Injectable()
export class KbFromMessageService {
  constructor(
    private readonly sources: KbMessageSourceRepository,
    private readonly access: InboxAccessRepository,
    private readonly articles: KbArticlesRepository,
    private readonly articleService: KbArticlesService,
    private readonly versions: KbVersionsService,
  ) {}

  async create(
    op: AuthenticatedOperator,
    body: KbArticleFromMessageRequest,
    operatorLocale: string | null,
  ): Promise<KbArticleDto> {
    const source = await this.sources.find(op.accountId, body.messageId);
    // A message of an inbox the operator may not work is as unknown as another account's.
    if (!source || !(await this.access.hasAccess(this.articles.manager(), op, source.inboxId)))
      throw new AppException('NOT_FOUND', 'Message not found');
    const html = sanitizeKbHtml(source.html ?? textToKbHtml(source.text ?? ''));
    const text = kbPlainText(html);
    if (!text)
      throw new AppException(
        'VALIDATION_FAILED',
        'The message has no text to turn into an article',
      );
    const title = titleFrom(source.subject?.trim() || text) || text.slice(0, 80);
    const locale = body.locale ?? localeOf(operatorLocale);
    const article = await this.articles.create(op.accountId, {
      categoryId: null,
      sourceMessageId: source.id,
      createdById: op.id,
    });
    const slug = await this.versions.freeSlug(article, locale, slugFromTitle(title));
    await this.articles.saveVersion(article, locale, {
      title,
      slug,
      bodyHtml: html,
      bodyText: text,
      status: 'draft',
      publishedAt: null,
      updatedById: op.id,
    });
    return this.articleService.dto(article);
  }
}

/** The knowledge-base language of a BCP 47 tag or Accept-Language (`ru-RU,ru;q=0.9` → `ru`); English otherwise. */
function localeOf(tag: string | null): KbLocale {
  const base = (tag ?? '').trim().toLowerCase().slice(0, 2);
  return KB_LOCALES.find((l) => l === base) ?? 'en';
}
