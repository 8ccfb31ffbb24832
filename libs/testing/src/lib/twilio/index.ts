export * from './fake-twilio-types';
export { FakeTwilio } from './fake-twilio';
export { twilioSignature } from './twilio-signature';
