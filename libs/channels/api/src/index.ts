export * from './lib/api-channel.adapter';
export * from './lib/api-channel.schemas';
export * from './lib/api-channel.signature';
