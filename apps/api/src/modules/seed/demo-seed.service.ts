import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import { InboxesService } from '../inboxes/inboxes.service';

const DEMO_MESSAGES = [
  {
    from: { id: 'demo-maria', name: 'María García', email: 'maria@example.com' },
    text: 'Hola! My order #4411 still shows "processing" after a week. Can you check?',
  },
  {
    from: { id: 'demo-ivan', name: 'Иван Петров', email: 'ivan@example.ru' },
    text: 'Здравствуйте! Как изменить адрес доставки?',
  },
  {
    from: { id: 'demo-layla', name: 'ليلى أحمد', email: 'layla@example.com' },
    text: 'مرحبا، هل يمكنني إرجاع المنتج بعد ١٤ يومًا؟',
  },
  {
    from: { id: 'demo-tom', name: 'Tom Baker', email: 'tom@example.com' },
    text: 'Love the new dashboard 🎉 — is there an export to CSV?',
  },
];

/** A demo inbox with a few conversations, pushed through the real pipeline like any channel. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly inboxes: InboxesService,
    private readonly pipeline: InboundPipelineService,
  ) {}

  async seed(accountId: string): Promise<void> {
    const inbox = await this.inboxes.create(accountId, {
      kind: 'api',
      name: 'Demo API inbox',
      settings: {},
      secrets: { signingSecret: randomBytes(24).toString('base64url') },
    });
    for (const [i, m] of DEMO_MESSAGES.entries()) {
      await this.pipeline.ingest(inbox.id, [
        {
          type: 'message',
          externalId: `demo-${i}`,
          sender: { externalId: m.from.id, name: m.from.name, email: m.from.email },
          text: m.text,
          sentAt: new Date(),
        },
      ]);
    }
    this.logger.log(`Seeded demo inbox "${inbox.name}" with ${DEMO_MESSAGES.length} conversations`);
  }
}
