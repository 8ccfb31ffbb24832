import type { QueueDefinition } from '../../core/queue/queue.service';

export const OUTBOUND_DELIVERY_QUEUE = 'outbound-delivery';

/** 6 attempts over about two minutes (2, 4, 8, 16, 32 s between them), each at most 60 s. */
export const OUTBOUND_DELIVERY_QUEUE_DEFINITION: QueueDefinition = {
  name: OUTBOUND_DELIVERY_QUEUE,
  retryLimit: 5,
  retryDelay: 2,
  expireInSeconds: 60,
};

export interface OutboundDeliveryJob {
  messageId: string;
}
