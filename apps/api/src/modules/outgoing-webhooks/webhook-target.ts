import { assertAllowedHost } from '@switchboard/channels-core';
import { AppException } from '../../core/http/app.exception';

const refused = (reason: string) => new AppException('WEBHOOK_TARGET_REFUSED', `url: ${reason}`);

/**
 * Whether the server may post to this URL, checked when it is saved (a subscription, a rule's
 * `call_webhook`). https always; plain http only where private targets are allowed too
 * (ALLOW_PRIVATE_NETWORK_TARGETS: development and tests), since the body carries customer data.
 * The host goes through the inboxes' outbound policy: a loopback, private or link-local address,
 * or a name resolving to one, is refused with the reason. Each send checks the address again.
 */
export async function checkWebhookTarget(url: string, allowPlainHttp: boolean): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw refused('not a URL');
  }
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && allowPlainHttp))
    throw refused(
      target.protocol === 'http:'
        ? 'must be https (plain http only with ALLOW_PRIVATE_NETWORK_TARGETS, for development)'
        : `unsupported scheme ${target.protocol}`,
    );
  if (!target.hostname) throw refused('has no host');
  try {
    await assertAllowedHost(target.hostname);
  } catch (err) {
    throw refused((err as Error).message);
  }
}
