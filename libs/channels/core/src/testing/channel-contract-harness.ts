import type { ChannelAdapter, InboxContext } from '../lib/channel-adapter';
import type { OutboundMessage } from '../lib/outbound-message';

/**
 * What an adapter's spec hands the contract kit: the adapter, a configured inbox, recorded
 * provider inputs, and a way to see what reached the (fake) provider.
 */
export interface ChannelContractHarness<TSettings, TSecrets, TInbound> {
  adapter: ChannelAdapter<TSettings, TSecrets, TInbound>;
  /** Called before each send test; start fakes here. */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  context(): InboxContext<TSettings, TSecrets>;
  /** Real-looking provider inputs that must parse into at least one event each. */
  validInbound: TInbound[];
  /** Inputs whose authenticity cannot be proven; empty for channels we poll ourselves (email). */
  forgedInbound: TInbound[];
  /** Garbage the provider could never send; must throw ChannelInputError, never anything else. */
  malformedInbound: TInbound[];
  /** A message the fake provider accepts. */
  outbound(idempotencyKey: string): OutboundMessage;
  /** How many distinct messages the fake provider has delivered for this idempotency key. */
  deliveredCount(idempotencyKey: string): Promise<number>;
  /** Make the next send fail the way the provider does when it is down; the result must be retryable. */
  failNextSendAsUnavailable?(): Promise<void>;
}
