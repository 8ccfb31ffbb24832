export * from './lib/test-database';
export * from './lib/test-api';
export * from './lib/http-client';
export * from './lib/api-channel-customer';
export * from './lib/operator-socket';
export * from './lib/dovecot/dovecot-server';
export * from './lib/smtp-peer/smtp-peer';
export * from './lib/postgres/owned-postgres';
