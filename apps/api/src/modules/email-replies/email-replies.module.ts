import { Global, Module } from '@nestjs/common';
import { EmailRepliesRepository } from './email-replies.repository';
import { EmailReplyContextController } from './email-reply-context.controller';
import { EmailReplyExtrasService } from './email-reply-extras.service';
import { OperatorSignatureController } from './operator-signature.controller';

/**
 * Replying like an email client: Cc/Bcc, "Reply all" read from the thread, the quoted message and
 * signatures. Global: the outbound delivery worker (modules/channels) asks it what an email reply
 * carries besides its text.
 */
@Global()
@Module({
  controllers: [EmailReplyContextController, OperatorSignatureController],
  providers: [EmailRepliesRepository, EmailReplyExtrasService],
  exports: [EmailReplyExtrasService],
})
export class EmailRepliesModule {}
