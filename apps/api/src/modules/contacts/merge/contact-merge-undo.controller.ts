import { Controller, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ContactMergeDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../../core/auth/current-operator.decorator';
import { ContactMergeService } from './contact-merge.service';

/** Undoing a contact merge: admins only, within 30 days. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contact-merges')
export class ContactMergeUndoController {
  constructor(private readonly merges: ContactMergeService) {}

  @Post(':id/undo')
  @HttpCode(200)
  undo(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<ContactMergeDto> {
    return this.merges.undo(op, ip, id);
  }
}
