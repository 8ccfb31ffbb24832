import { randomUUID } from 'node:crypto';
import type { TestApi } from '@switchboard/testing';
import { InboundPipelineService } from '../../channels/inbound-pipeline.service';

/** A customer's mail with a PDF attached, through the pipeline as the IMAP sync hands it over. */
export async function mailWithFile(
  api: TestApi,
  inboxId: string,
  email: string,
  subject: string,
): Promise<{ conversationId: string; messageId: string }> {
  const [outcome] = await api.app.get(InboundPipelineService).ingest(inboxId, [
    {
      type: 'message',
      externalId: `<${randomUUID()}@customer.example>`,
      sender: { externalId: email, email, name: email.split('@')[0] },
      text: `${subject}, see the attached file`,
      subject,
      attachments: [
        {
          filename: 'statement.pdf',
          contentType: 'application/pdf',
          content: Buffer.from('%PDF-1.4\n%%EOF\n'),
        },
      ],
      thread: { conversationToken: null, references: [], continueLatest: false },
      sentAt: new Date(),
    },
  ]);
  if (outcome?.kind !== 'stored') throw new Error(`mail not stored: ${JSON.stringify(outcome)}`);
  return { conversationId: outcome.conversationId, messageId: outcome.messageId };
}
