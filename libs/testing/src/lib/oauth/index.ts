export * from './fake-oauth-server';
export * from './fake-oauth-types';
export { FAKE_MICROSOFT_TENANT_ID } from './id-token-signer';
export { s256 as pkceS256 } from './oauth-grants';
