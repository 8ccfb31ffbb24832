import { Global, Module } from '@nestjs/common';
import { NotificationCentreService } from './notification-centre.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationCentreService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
