import { CHANNEL_KINDS } from '@switchboard/contracts';
import { ChannelInputError } from '../lib/channel-error';
import { inboundEventSchema } from '../lib/inbound-event';
import type { ChannelContractHarness } from './channel-contract-harness';

/**
 * The contract every channel adapter passes. Call it from the adapter's spec with a harness; it
 * registers a jest `describe` block.
 */
export function describeChannelContract<S, K, I>(
  name: string,
  makeHarness: () => ChannelContractHarness<S, K, I> | Promise<ChannelContractHarness<S, K, I>>,
): void {
  describe(`channel contract: ${name}`, () => {
    let h: ChannelContractHarness<S, K, I>;

    beforeAll(async () => {
      h = await makeHarness();
      await h.setup?.();
    });

    afterAll(async () => {
      await h?.teardown?.();
    });

    it('declares a valid manifest', () => {
      const m = h.adapter.manifest;
      expect(CHANNEL_KINDS).toContain(m.kind);
      expect(m.displayName.length).toBeGreaterThan(0);
      expect(m.capabilities.maxTextLength).toBeGreaterThan(0);
      expect(m.capabilities.maxTextLength).toBeLessThanOrEqual(100_000);
      expect(typeof m.settingsSchema.safeParse).toBe('function');
      expect(typeof m.secretsSchema.safeParse).toBe('function');
      // The configured context must satisfy the adapter's own schemas.
      const ctx = h.context();
      expect(m.settingsSchema.safeParse(ctx.settings).success).toBe(true);
      expect(m.secretsSchema.safeParse(ctx.secrets).success).toBe(true);
    });

    it('accepts authentic input and rejects forged input', async () => {
      expect(h.validInbound.length).toBeGreaterThan(0);
      for (const input of h.validInbound)
        expect(await h.adapter.verifyWebhook(input, h.context())).toBe(true);
      for (const input of h.forgedInbound)
        expect(await h.adapter.verifyWebhook(input, h.context())).toBe(false);
    });

    it('normalises provider input into valid, deterministic inbound events', async () => {
      for (const input of h.validInbound) {
        const first = await h.adapter.parseInbound(input, h.context());
        expect(first.length).toBeGreaterThan(0);
        for (const event of first) {
          const parsed = inboundEventSchema.safeParse(event);
          if (!parsed.success) throw new Error(`Invalid inbound event: ${parsed.error.message}`);
        }
        // Same input, same external ids: redelivery must dedupe.
        const again = await h.adapter.parseInbound(input, h.context());
        expect(again.map((e) => e.externalId)).toEqual(first.map((e) => e.externalId));
      }
    });

    it('refuses malformed input with ChannelInputError only', async () => {
      for (const input of h.malformedInbound) {
        let error: unknown = null;
        try {
          await h.adapter.parseInbound(input, h.context());
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ChannelInputError);
      }
    });

    it('sends a message and returns the channel id', async () => {
      const key = `contract-${Date.now()}-a`;
      const result = await h.adapter.send(h.outbound(key), h.context());
      if (!result.ok) throw new Error(`send failed: ${result.error.code} ${result.error.message}`);
      expect(result.externalId.length).toBeGreaterThan(0);
      expect(await h.deliveredCount(key)).toBe(1);
    });

    it('is safe to repeat with the same idempotency key', async () => {
      const key = `contract-${Date.now()}-b`;
      const first = await h.adapter.send(h.outbound(key), h.context());
      const second = await h.adapter.send(h.outbound(key), h.context());
      expect(first.ok && second.ok).toBe(true);
      expect(await h.deliveredCount(key)).toBeLessThanOrEqual(1);
    });

    it('reports a provider outage as a retryable error instead of throwing', async () => {
      if (!h.failNextSendAsUnavailable) return;
      await h.failNextSendAsUnavailable();
      const result = await h.adapter.send(h.outbound(`contract-${Date.now()}-c`), h.context());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.retryable).toBe(true);
    });
  });
}
