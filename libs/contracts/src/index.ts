export * from './lib/enums';
export * from './lib/activities';
export * from './lib/dtos';
export * from './lib/requests';
export * from './lib/stream';
export * from './lib/error-codes';
export * from './lib/widget';
export * from './lib/email-sync';
