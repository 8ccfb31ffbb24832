import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TelegramChannelAdapter } from '@switchboard/channels-telegram';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import { TelegramPollerService } from './telegram-poller.service';

/** Puts the Telegram adapter into the channel registry. */
@Injectable()
class TelegramAdapterRegistration implements OnModuleInit {
  constructor(
    private readonly registry: ChannelRegistryService,
    private readonly adapter: TelegramChannelAdapter,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.adapter);
  }
}

/**
 * The Telegram channel: webhooks arrive through the common webhook endpoint; bots without a
 * public URL are long-polled here, by one instance at a time.
 */
@Module({
  providers: [
    {
      provide: TelegramChannelAdapter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new TelegramChannelAdapter({
          apiRoot: config.TELEGRAM_API_ROOT.replace(/\/$/, ''),
          delivery: config.TELEGRAM_DELIVERY,
        }),
    },
    TelegramAdapterRegistration,
    TelegramPollerService,
  ],
  exports: [TelegramChannelAdapter, TelegramPollerService],
})
export class TelegramModule {}
