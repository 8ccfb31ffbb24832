import { Module } from '@nestjs/common';
import { WebchatModule } from '../webchat/webchat.module';
import { ConversationCsatController } from './conversation-csat.controller';
import { CsatAnswersService } from './csat-answers.service';
import { CsatButtonPresses } from './csat-button-presses';
import { CsatCloseConsumer } from './csat-close-consumer';
import { CsatPageController } from './csat-page.controller';
import { CsatRepository } from './csat.repository';
import { CsatSenderService } from './csat-sender.service';
import { CsatSettingsController } from './csat-settings.controller';
import { CsatSettingsService } from './csat-settings.service';
import { CsatWidgetController } from './csat-widget.controller';

/** Satisfaction surveys: scheduled at close, sent on the customer's channel, answered once. */
@Module({
  imports: [WebchatModule],
  controllers: [
    CsatSettingsController,
    ConversationCsatController,
    CsatPageController,
    CsatWidgetController,
  ],
  providers: [
    CsatRepository,
    CsatSettingsService,
    CsatAnswersService,
    CsatCloseConsumer,
    CsatSenderService,
    CsatButtonPresses,
  ],
  exports: [CsatSenderService],
})
export class CsatModule {}
