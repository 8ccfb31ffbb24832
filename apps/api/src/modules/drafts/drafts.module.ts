import { Global, Module } from '@nestjs/common';
import { DraftsController } from './drafts.controller';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';

/** Reply drafts on the server. Global: sending a reply clears the draft in its transaction. */
@Global()
@Module({
  controllers: [DraftsController],
  providers: [DraftsRepository, DraftsService],
  exports: [DraftsRepository],
})
export class DraftsModule {}
