export * from './authorization-url';
export * from './id-token';
export * from './oauth-errors';
export * from './oauth-providers';
export * from './pkce';
export * from './token-client';
export * from './token-freshness';
