import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { AppException } from './app.exception';

/** Any 8-4-4-4-12 hex id: the ids we issue (and the nil UUID tests use) without version rules. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameters that name a row: `:id`, `:inboxId`, `:fileId` … */
const ID_PARAM = /^(id|[a-z][A-Za-z0-9]*Id)$/;

/**
 * Every id in a path is a UUID, checked once for every route (registered as a global pipe): a
 * malformed id is an id that names nothing, answered 404 with the reason, and never reaches a
 * query where PostgreSQL would refuse it with a 500. A route added tomorrow is covered too.
 */
@Injectable()
export class UuidPathParamsPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'param' || typeof meta.data !== 'string' || !ID_PARAM.test(meta.data))
      return value;
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw new AppException(
      'NOT_FOUND',
      `Not found: the path parameter "${meta.data}" must be a UUID`,
    );
  }
}
