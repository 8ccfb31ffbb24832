import { z } from 'zod';
import { CONVERSATION_PRIORITIES } from './priority';

/** The feed's orders: newest activity first (the default), or most urgent first. */
export const FEED_SORTS = ['activity', 'priority'] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

/** `priority=a&priority=b` in a query string: one value or several, each a known priority. */
export const priorityFilterSchema = z
  .preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z.array(z.enum(CONVERSATION_PRIORITIES)).min(1).max(CONVERSATION_PRIORITIES.length),
  )
  .optional();
