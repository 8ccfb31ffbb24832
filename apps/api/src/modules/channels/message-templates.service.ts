import { Injectable } from '@nestjs/common';
import { ChannelError } from '@switchboard/channels-core';
import { templateVariables, type MessageTemplateDto } from '@switchboard/contracts';
import { AppException } from '../../core/http/app.exception';
import { InboxesService } from '../inboxes/inboxes.service';
import { ChannelRegistryService } from './channel-registry.service';

/** Templates change rarely (each needs WhatsApp's approval): asked of the provider at most this often. */
const CACHE_MS = 60_000;

/** The approved message templates of an inbox, from its provider, briefly cached per instance. */
@Injectable()
export class MessageTemplatesService {
  private readonly cache = new Map<string, { at: number; templates: MessageTemplateDto[] }>();

  constructor(
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
  ) {}

  async list(accountId: string, inboxId: string): Promise<MessageTemplateDto[]> {
    const cached = this.cache.get(inboxId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.templates;
    const inbox = await this.inboxes.activeRow(inboxId, accountId);
    const adapter = this.registry.get(inbox.kind);
    if (!adapter.listTemplates) return [];
    const { context } = await this.inboxes.loadContext(inbox.id);
    let templates: MessageTemplateDto[];
    try {
      templates = (await adapter.listTemplates(context)).map((t) => ({
        ...t,
        variables: t.variables.length ? t.variables : templateVariables(t.body),
      }));
    } catch (err) {
      if (err instanceof ChannelError)
        throw new AppException('CHANNEL_ERROR', `Could not list templates: ${err.message}`);
      throw err;
    }
    this.cache.set(inboxId, { at: Date.now(), templates });
    return templates;
  }

  /** An approved template of the inbox, or a 422 naming what is wrong with the choice. */
  async approved(accountId: string, inboxId: string, id: string): Promise<MessageTemplateDto> {
    const template = (await this.list(accountId, inboxId)).find((t) => t.id === id);
    if (!template) throw new AppException('VALIDATION_FAILED', `This inbox has no template ${id}`);
    if (template.approval !== 'approved')
      throw new AppException(
        'VALIDATION_FAILED',
        `Template "${template.name}" is ${template.approval}, not approved: WhatsApp would refuse it`,
      );
    return template;
  }
}
