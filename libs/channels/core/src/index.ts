export * from './lib/channel-adapter';
export * from './lib/channel-capabilities';
export * from './lib/channel-error';
export * from './lib/inbound-event';
export * from './lib/outbound-message';
export * from './lib/webhook-request';
export * from './lib/text';
