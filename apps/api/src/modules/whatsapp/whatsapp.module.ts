import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TwilioChannelAdapter } from '@switchboard/channels-twilio';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { ChannelRegistryService } from '../channels/channel-registry.service';

/** Puts the Twilio adapter (WhatsApp senders and SMS numbers) into the channel registry. */
@Injectable()
class TwilioAdapterRegistration implements OnModuleInit {
  constructor(
    private readonly registry: ChannelRegistryService,
    private readonly adapter: TwilioChannelAdapter,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.adapter);
  }
}

/**
 * WhatsApp and SMS through Twilio. Everything else is the common pipeline: webhooks and status
 * callbacks arrive at the webhook endpoint, media is fetched by the attachment worker, templates
 * are listed by MessageTemplatesService and the reply window is enforced by MessagesService.
 */
@Module({
  providers: [
    {
      provide: TwilioChannelAdapter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new TwilioChannelAdapter({ apiOrigin: config.TWILIO_API_ORIGIN?.replace(/\/$/, '') }),
    },
    TwilioAdapterRegistration,
  ],
  exports: [TwilioChannelAdapter],
})
export class WhatsappModule {}
