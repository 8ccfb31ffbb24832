import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  contactMergePreviewQuerySchema,
  mergeContactRequestSchema,
  type ContactMergeDto,
  type ContactMergePreviewDto,
  type ContactMergePreviewQuery,
  type ContactMergeSuggestionDto,
  type MergeContactRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../../core/http/api-zod.decorators';
import { parseWith } from '../../../core/http/zod-validation.pipe';
import { ContactMergePreviewService } from './contact-merge-preview.service';
import { ContactMergeSuggestionsService } from './contact-merge-suggestions.service';
import { ContactMergeService } from './contact-merge.service';

/** Merging a contact with another: suggestions, the preview, the merge and its history. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactMergeController {
  constructor(
    private readonly merges: ContactMergeService,
    private readonly previews: ContactMergePreviewService,
    private readonly suggested: ContactMergeSuggestionsService,
  ) {}

  /** Contacts sharing an email address or phone number with this one (offered, never joined). */
  @Get(':id/merge-suggestions')
  suggestions(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ContactMergeSuggestionDto[]> {
    return this.suggested.suggestions(op, id);
  }

  /** What merging `other` into this contact would do. */
  @Get(':id/merge-preview')
  @ApiZodQuery(contactMergePreviewQuerySchema)
  preview(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Query(parseWith(contactMergePreviewQuerySchema)) q: ContactMergePreviewQuery,
  ): Promise<ContactMergePreviewDto> {
    return this.previews.preview(op, id, q.other);
  }

  /** Folds `otherId` into this contact (needs `confirm: true`). */
  @Post(':id/merge')
  @HttpCode(200)
  @ApiZodBody(mergeContactRequestSchema)
  merge(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(mergeContactRequestSchema)) body: MergeContactRequest,
  ): Promise<ContactMergeDto> {
    return this.merges.merge(op, ip, id, body);
  }

  /** The merges this contact took part in, newest first. */
  @Get(':id/merges')
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ContactMergeDto[]> {
    return this.merges.list(op, id);
  }
}
