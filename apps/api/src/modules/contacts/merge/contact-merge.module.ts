import { Module } from '@nestjs/common';
import { ContactMergeEvents } from './contact-merge-events';
import { ContactMergePreviewService } from './contact-merge-preview.service';
import { ContactMergeReadsRepository } from './contact-merge-reads.repository';
import { ContactMergeSuggestionsService } from './contact-merge-suggestions.service';
import { ContactMergeUndoController } from './contact-merge-undo.controller';
import { ContactMergeController } from './contact-merge.controller';
import { ContactMergeRepository } from './contact-merge.repository';
import { ContactMergeService } from './contact-merge.service';

/** Merging contacts into one card, undoing it, and the suggestions that lead there. */
@Module({
  controllers: [ContactMergeController, ContactMergeUndoController],
  providers: [
    ContactMergeRepository,
    ContactMergeReadsRepository,
    ContactMergeEvents,
    ContactMergeService,
    ContactMergePreviewService,
    ContactMergeSuggestionsService,
  ],
})
export class ContactMergeModule {}
