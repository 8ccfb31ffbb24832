import { Inject, Injectable } from '@nestjs/common';
import {
  EmailChannelAdapter,
  emailSecretsSchema,
  emailSettingsSchema,
  smtpTransportOptions,
} from '@switchboard/channels-email';
import type { StandaloneEmail } from '@switchboard/channels-webchat';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { AppException } from '../../../core/http/app.exception';
import { ChannelRegistryService } from '../../channels/channel-registry.service';
import { InboxesService } from '../../inboxes/inboxes.service';
import { WebchatInboxRepository } from '../repositories/webchat-inbox.repository';
import { WEBCHAT_MAIL_CONFIG, type WebchatMailConfig } from './webchat-mail-config';

/**
 * Sends the follow-up address confirmation the way follow-ups go out: from the account's email
 * inbox when there is one (its SMTP server and address), else over SMTP_URL. It is a standalone
 * message, not a reply in any thread, so it is sent directly rather than through the channel.
 */
@Injectable()
export class ConfirmationMailService {
  constructor(
    private readonly webchatInboxes: WebchatInboxRepository,
    private readonly inboxes: InboxesService,
    @Inject(WEBCHAT_MAIL_CONFIG) private readonly config: WebchatMailConfig,
    private readonly registry: ChannelRegistryService,
  ) {}

  /** Refuses (409) when this web chat has no way to send email: no email inbox, no SMTP_URL. */
  async assertCanSend(webchatInboxId: string): Promise<void> {
    await this.route(webchatInboxId);
  }

  async send(webchatInboxId: string, email: StandaloneEmail): Promise<void> {
    const route = await this.route(webchatInboxId);
    const transport = createTransport(route.transport) as Transporter;
    try {
      const message: SendMailOptions = {
        from: route.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
      };
      await transport.sendMail(message);
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      throw new AppException(
        'CHANNEL_ERROR',
        code && code >= 500
          ? 'The mail server refused this address; check it and try again'
          : 'The confirmation email could not be sent right now; try again in a moment',
      );
    } finally {
      transport.close();
    }
  }

  private async route(webchatInboxId: string): Promise<{
    transport: Parameters<typeof createTransport>[0];
    from: SendMailOptions['from'];
  }> {
    const emailInboxId = await this.webchatInboxes.findEmailInboxBeside(webchatInboxId);
    if (emailInboxId) {
      const { context } = await this.inboxes.loadContext(emailInboxId);
      const settings = emailSettingsSchema.safeParse(context.settings);
      const secrets = emailSecretsSchema.safeParse(context.secrets);
      const email = this.registry.get('email');
      if (settings.success && secrets.success && email instanceof EmailChannelAdapter) {
        // An OAuth inbox logs in with a current access token.
        const current = await email
          .currentSecrets({ ...context, settings: settings.data, secrets: secrets.data })
          .catch(() => secrets.data);
        return {
          transport: smtpTransportOptions(settings.data, current),
          from: { name: settings.data.fromName ?? '', address: settings.data.fromAddress },
        };
      }
    }
    if (this.config.smtpUrl) return { transport: this.config.smtpUrl, from: this.config.mailFrom };
    throw new AppException(
      'INVALID_STATE',
      'This chat cannot send email yet, so it cannot email you the answer',
    );
  }
}
