/**
 * English strings for fair routing: a team's routing settings, the queue, operators' load and
 * "Hand back my queue". en.ts spreads these in, so they are ordinary keys.
 */
export const enRouting = {
  'routing.title': 'Routing',
  'routing.round_robin': 'Round-robin: share new conversations among online members',
  'routing.max_open': 'Most open conversations per member',
  'routing.hand_back_on_away': 'Going away hands back unanswered conversations',
  'routing.save': 'Save routing',
  'routing.saved': 'Routing saved',
  'routing.failed': 'Routing not saved: {message}',
  'routing.queue.title': 'Queue',
  'routing.queue.hint': 'Conversations waiting for a team member with room, oldest first.',
  'routing.queue.empty': 'Nobody is waiting.',
  'routing.queue.position': '{position}.',
  'routing.queue.waiting': 'waiting {duration}',
  'routing.queue.failed': 'The queue could not be loaded: {message}',
  'routing.load.title': 'Online now',
  'routing.load.hint': 'Open conversations assigned to each operator, and their maximum.',
  'routing.load.available': 'available',
  'routing.load.away': 'away',
  'routing.load.offline': 'not connected',
  'routing.load.of': '{open} / {max}',
  'routing.hand_back': 'Hand back my queue',
  'routing.hand_back.confirm':
    'Hand your unanswered conversations back to your teams’ queues and go away?',
  'routing.hand_back.done_one': '{count} conversation handed back; you are away',
  'routing.hand_back.done_other': '{count} conversations handed back; you are away',
  'routing.hand_back.failed': 'Could not hand back: {message}',
} as const;
