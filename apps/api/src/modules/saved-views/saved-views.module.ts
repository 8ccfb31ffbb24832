import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsRepository } from './saved-views.repository';
import { SavedViewsService } from './saved-views.service';

/** Saved views: named feed queries with per-viewer counts (the feed's filters are imported SQL). */
@Module({
  imports: [SearchModule],
  controllers: [SavedViewsController],
  providers: [SavedViewsRepository, SavedViewsService],
})
export class SavedViewsModule {}
