import { Module } from '@nestjs/common';
import { SearchMatchesRepository } from './search-matches.repository';
import { SearchPlanRepository } from './search-plan.repository';
import { SearchResultsService } from './search-results.service';

/** Search over all history: the feed's query does the finding; this marks what matched. */
@Module({
  providers: [SearchMatchesRepository, SearchPlanRepository, SearchResultsService],
  exports: [SearchResultsService, SearchPlanRepository],
})
export class SearchModule {}
