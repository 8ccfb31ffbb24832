import { Body, Controller, Get, Ip, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createContactRequestSchema,
  listContactConversationsQuerySchema,
  listContactsQuerySchema,
  updateContactRequestSchema,
  type ContactConversationDto,
  type ContactDto,
  type ContactImportResultDto,
  type ContactListItemDto,
  type CreateContactRequest,
  type ListContactConversationsQuery,
  type ListContactsQuery,
  type Page,
  type UpdateContactRequest,
} from '@switchboard/contracts';
import type { Request, Response } from 'express';
import { once } from 'node:events';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { ContactDirectoryService } from './contact-directory.service';
import { ContactCsvService, MAX_IMPORT_BYTES } from './csv/contact-csv.service';
import { readCsvBody } from './csv/csv-request-body';
import { ApiCsvResponse } from '../../core/http/openapi/api-raw-responses';

/** The customer card and the Contacts screen. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactDirectoryService,
    private readonly csv: ContactCsvService,
  ) {}

  /** Newest first; `q` is part of a name or email, or phone digits. */
  @Get()
  @ApiZodQuery(listContactsQuerySchema)
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(listContactsQuerySchema)) q: ListContactsQuery,
  ): Promise<Page<ContactListItemDto>> {
    return this.contacts.list(op, q);
  }

  /** An email or phone another contact has already: 409 naming that contact. */
  @Post()
  @ApiZodBody(createContactRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(createContactRequestSchema)) body: CreateContactRequest,
  ): Promise<ContactDto> {
    return this.contacts.create(op, body);
  }

  /** Every contact as CSV, streamed (admins; in the audit log). */
  @Get('export')
  @ApiCsvResponse('Every contact as CSV')
  async export(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const lines = this.csv.exportLines(op, ip);
    // The first line runs the admin check before any header is sent: a refusal is a JSON error.
    const first = await lines.next();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="contacts.csv"');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!first.done) res.write(first.value);
    for await (const line of lines) {
      if (!res.write(line)) await once(res, 'drain');
    }
    res.end();
  }

  /** A CSV file (text/csv): all rows or none; refused rows come back by row number (422). */
  @Post('import')
  async import(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Req() req: Request,
  ): Promise<ContactImportResultDto> {
    return this.csv.import(op, () => readCsvBody(req, MAX_IMPORT_BYTES), ip);
  }

  @Get(':id')
  card(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<ContactDto> {
    return this.contacts.card(op, id);
  }

  /** Name, email, phone (stored as E.164), notes, attribute values (null clears one). */
  @Patch(':id')
  @ApiZodBody(updateContactRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(updateContactRequestSchema)) body: UpdateContactRequest,
  ): Promise<ContactDto> {
    return this.contacts.update(op, id, body);
  }

  /** The contact's conversations on every channel, in the inboxes the viewer may see. */
  @Get(':id/conversations')
  @ApiZodQuery(listContactConversationsQuerySchema)
  conversations(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Query(parseWith(listContactConversationsQuerySchema)) q: ListContactConversationsQuery,
  ): Promise<Page<ContactConversationDto>> {
    return this.contacts.conversations(op, id, q);
  }
}
