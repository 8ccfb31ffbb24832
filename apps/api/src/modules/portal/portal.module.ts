import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { WebchatModule } from '../webchat/webchat.module';
import { PortalAccessRepository } from './portal-access.repository';
import { PortalMailerService } from './portal-mailer.service';
import { PortalNewRequestController } from './portal-new-request.controller';
import { PortalNewRequestService } from './portal-new-request.service';
import { PortalNewRequestsRepository } from './portal-new-requests.repository';
import { PortalPostLimit } from './portal-post-limit';
import { PortalRequestsController } from './portal-requests.controller';
import { PortalRequestsRepository } from './portal-requests.repository';
import { PortalRequestsService } from './portal-requests.service';
import { PortalSessionResolver } from './portal-session.resolver';
import { PortalSettingsController } from './portal-settings.controller';
import { PortalSettingsService } from './portal-settings.service';
import { PortalSignInController } from './portal-sign-in.controller';
import { PortalSignInService } from './portal-sign-in.service';
import { PortalTargetRepository } from './portal-target.repository';
import { PortalWidgetHandOffController } from './portal-widget-hand-off.controller';

/** The customer portal: one-time-link sign-in and the customer's own requests (docs/portal.md). */
@Module({
  imports: [ChannelsModule, WebchatModule],
  controllers: [
    PortalSignInController,
    PortalRequestsController,
    PortalNewRequestController,
    PortalWidgetHandOffController,
    PortalSettingsController,
  ],
  providers: [
    PortalAccessRepository,
    PortalMailerService,
    PortalNewRequestService,
    PortalNewRequestsRepository,
    PortalPostLimit,
    PortalRequestsRepository,
    PortalRequestsService,
    PortalSessionResolver,
    PortalSignInService,
    PortalSettingsService,
    PortalTargetRepository,
  ],
})
export class PortalModule {}
