import { Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { UuidPathParamsPipe } from './uuid-path-params.pipe';

/** Request checks every route gets without asking for them. */
@Module({ providers: [{ provide: APP_PIPE, useClass: UuidPathParamsPipe }] })
export class HttpModule {}
