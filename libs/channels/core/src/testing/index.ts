export * from './channel-contract-harness';
export * from './describe-channel-contract';
