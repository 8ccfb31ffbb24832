/**
 * The operator SPA's Content-Security-Policy: scripts only from our own files (no inline script,
 * no eval), connections only back to us, and no one may frame it.
 *
 * Two allowances exist for the email frame: it is an `srcdoc` iframe, which inherits this policy
 * on top of its own. Its `<style>` block needs 'unsafe-inline' styles, and after the operator
 * clicks "Show images" its remote https images must be allowed here too (the frame's own policy
 * keeps blocking them until then). Neither lets a script run.
 */
export function spaContentSecurityPolicy(publicUrl: string): string {
  const socketOrigin = websocketOrigin(publicUrl);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${socketOrigin ? ` ${socketOrigin}` : ''}`,
    "frame-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `ws://host:port` or `wss://host` for the public origin (older browsers' 'self' omits ws:). */
function websocketOrigin(publicUrl: string): string | null {
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;
  } catch {
    return null;
  }
}
