import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createContactAttributeRequestSchema,
  updateContactAttributeRequestSchema,
  type ContactAttributeDto,
  type CreateContactAttributeRequest,
  type UpdateContactAttributeRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { ContactAttributesService } from './contact-attributes.service';

/** The account's custom contact attributes: everyone reads them, admins change them. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contact-attributes')
export class ContactAttributesController {
  constructor(private readonly attributes: ContactAttributesService) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<ContactAttributeDto[]> {
    return this.attributes.list(op);
  }

  @Post()
  @ApiZodBody(createContactAttributeRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(createContactAttributeRequestSchema)) body: CreateContactAttributeRequest,
  ): Promise<ContactAttributeDto> {
    return this.attributes.create(op, body);
  }

  /** Label and list choices; the key and type stay. */
  @Patch(':id')
  @ApiZodBody(updateContactAttributeRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(updateContactAttributeRequestSchema)) body: UpdateContactAttributeRequest,
  ): Promise<ContactAttributeDto> {
    return this.attributes.update(op, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<void> {
    return this.attributes.delete(op, id);
  }
}
