import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  kbCategoryOrderRequestSchema,
  kbCategoryRequestSchema,
  type KbCategoryDto,
  type KbCategoryOrderRequest,
  type KbCategoryRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../../core/http/api-zod.decorators';
import { parseWith } from '../../../core/http/zod-validation.pipe';
import { KbCategoriesService } from '../services/kb-categories.service';

/** Knowledge-base categories: everyone reads them, admins change and order them. */
@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('kb/categories')
export class KbCategoriesController {
  constructor(private readonly categories: KbCategoriesService) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<KbCategoryDto[]> {
    return this.categories.list(op);
  }

  @Post()
  @ApiZodBody(kbCategoryRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(kbCategoryRequestSchema)) body: KbCategoryRequest,
  ): Promise<KbCategoryDto> {
    return this.categories.create(op, body);
  }

  /** Every category's id in the new order. */
  @Post('reorder')
  @HttpCode(200)
  @ApiZodBody(kbCategoryOrderRequestSchema)
  reorder(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(kbCategoryOrderRequestSchema)) body: KbCategoryOrderRequest,
  ): Promise<KbCategoryDto[]> {
    return this.categories.reorder(op, body.ids);
  }

  @Put(':id')
  @ApiZodBody(kbCategoryRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(kbCategoryRequestSchema)) body: KbCategoryRequest,
  ): Promise<KbCategoryDto> {
    return this.categories.update(op, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<void> {
    return this.categories.remove(op, id);
  }
}
