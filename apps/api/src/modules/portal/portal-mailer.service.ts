import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EmailChannelAdapter,
  emailSecretsSchema,
  emailSettingsSchema,
  smtpTransportOptions,
} from '@switchboard/channels-email';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import { InboxesService } from '../inboxes/inboxes.service';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { loadWebchatMailConfig } from '../webchat/services/webchat-mail-config';

interface MailRoute {
  transport: Parameters<typeof createTransport>[0];
  from: SendMailOptions['from'];
}

/**
 * Mails sign-in links the way the web chat mails its confirmation links: from the account's email
 * inbox when it has one that can send (its SMTP server and address), else over SMTP_URL.
 */
@Injectable()
export class PortalMailerService {
  private readonly log = new Logger(PortalMailerService.name);
  /** The same fallback transport (SMTP_URL, MAIL_FROM) the web chat's mails use. */
  private readonly fallback = loadWebchatMailConfig();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
  ) {}

  /** Sends, or logs why not: the caller has already answered, whatever happens here. */
  async send(
    accountId: string,
    mail: { to: string; subject: string; text: string },
  ): Promise<void> {
    const route = await this.route(accountId);
    if (!route) {
      this.log.warn('portal sign-in link not sent: no email inbox and no SMTP_URL');
      return;
    }
    const transport = createTransport(route.transport) as Transporter;
    try {
      await transport.sendMail({ from: route.from, ...mail });
    } catch (err) {
      this.log.warn(`portal sign-in link not sent: ${(err as Error).message}`);
    } finally {
      transport.close();
    }
  }

  private async route(accountId: string): Promise<MailRoute | null> {
    const inboxes = await this.ds.getRepository(InboxEntity).find({
      where: { accountId, kind: 'email' },
      select: { id: true },
      order: { createdAt: 'ASC' },
      take: 5,
    });
    const email = this.registry.get('email');
    for (const { id } of inboxes) {
      const { context } = await this.inboxes.loadContext(id);
      const settings = emailSettingsSchema.safeParse(context.settings);
      const secrets = emailSecretsSchema.safeParse(context.secrets);
      if (!settings.success || !secrets.success || !(email instanceof EmailChannelAdapter))
        continue;
      // An OAuth inbox logs in with a current access token.
      const current = await email
        .currentSecrets({ ...context, settings: settings.data, secrets: secrets.data })
        .catch(() => secrets.data);
      return {
        transport: smtpTransportOptions(settings.data, current),
        from: { name: settings.data.fromName ?? '', address: settings.data.fromAddress },
      };
    }
    if (this.fallback.smtpUrl)
      return { transport: this.fallback.smtpUrl, from: this.fallback.mailFrom };
    return null;
  }
}
