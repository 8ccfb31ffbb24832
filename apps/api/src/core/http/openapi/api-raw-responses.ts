import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';

/**
 * For handlers that write their answer themselves (`@Res()`): the response schema generator
 * cannot read a body from their return type, so they say what they send here. With a type
 * argument, the route also answers JSON of that type (the generator reads it from the source).
 */
export const ApiCsvResponse = <_JsonBody = never>(description: string) =>
  applyDecorators(
    ApiProduces('text/csv'),
    ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } }),
  );

/** A stored file, always as a download (`Content-Disposition: attachment`). */
export const ApiFileResponse = () =>
  ApiOkResponse({
    description: 'The file, as a download',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  });
