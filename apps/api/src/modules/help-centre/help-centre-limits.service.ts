import { Injectable } from '@nestjs/common';
import { HELP_LIMITS, MinuteLimiter } from './help-centre-limits';

/** One limiter per kind of request, shared by the help centre's pages and the widget's routes. */
@Injectable()
export class HelpCentreLimits {
  readonly search = new MinuteLimiter(HELP_LIMITS.searchPerMinute);
  readonly feedback = new MinuteLimiter(HELP_LIMITS.feedbackPerMinute);
}
