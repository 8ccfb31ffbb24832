import { Global, Module } from '@nestjs/common';
import { InboxesRepository } from '../inboxes/inboxes.repository';
import { InboxAccessController } from './inbox-access.controller';
import { InboxAccessRepository } from './inbox-access.repository';
import { InboxAccessService } from './inbox-access.service';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';

/** Teams and inbox access; the access rule (InboxAccessRepository) serves every module. */
@Global()
@Module({
  controllers: [TeamsController, InboxAccessController],
  providers: [
    InboxAccessRepository,
    InboxAccessService,
    InboxesRepository,
    TeamsRepository,
    TeamsService,
  ],
  exports: [InboxAccessRepository],
})
export class AccessModule {}
