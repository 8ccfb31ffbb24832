/** A server without IDLE, to exercise clients' polling fallback. */
const NO_IDLE_CAPABILITIES =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT THREAD=REFERENCES MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 LITERAL+ MOVE';

/** Who runs the mail processes: nobody when started as root, otherwise the current user. */
export interface DovecotRunAs {
  uid: number;
  gid: number;
  /** Set when not root: Dovecot's internal and login processes run as this user and group. */
  user?: string;
  group?: string;
}

/** The smallest Dovecot config that serves IMAP on one loopback port from a temp dir (see STACK.md). */
export interface DovecotConfigOptions {
  idle?: boolean;
  /** Bearer-token logins (XOAUTH2 / OAUTHBEARER) checked by the oauth2 passdb (its config file). */
  oauth?: { mechanisms: readonly string[]; configPath: string };
  /** TLS with this certificate, and implicit TLS (IMAPS) on `port`. */
  tls?: { certPath: string; keyPath: string; port: number };
}

/**
 * The oauth2 passdb's settings (Dovecot 2.3, dovecot-oauth2.conf.ext): every token is checked by
 * RFC 7662 introspection (POST token=…, with the resource server's client credentials); the login
 * name must equal the token's `username`, and `active` must be true.
 */
export function dovecotOAuth2Config(introspection: {
  url: string;
  clientId: string;
  clientSecret: string;
}): string {
  return `introspection_mode = post
introspection_url = ${introspection.url}
force_introspection = yes
client_id = ${introspection.clientId}
client_secret = ${introspection.clientSecret}
username_attribute = username
username_format = %Lu
active_attribute = active
active_value = true
timeout_msecs = 5000
`;
}

export function dovecotConfig(
  dir: string,
  port: number,
  runAs: DovecotRunAs,
  options: DovecotConfigOptions = {},
): string {
  const { oauth, tls } = options;
  // Each passdb answers only the mechanisms it understands: tokens never reach the password file.
  const oauthPassdb = oauth
    ? `passdb {
  driver = oauth2
  mechanisms = ${oauth.mechanisms.join(' ')}
  args = ${oauth.configPath}
}
`
    : '';
  const unprivileged = runAs.user
    ? `default_internal_user = ${runAs.user}\ndefault_login_user = ${runAs.user}\ndefault_internal_group = ${runAs.group}\n` +
      // chroot needs root.
      'service anvil {\n  chroot =\n}\n'
    : '';
  const loginChroot = runAs.user ? '  chroot =\n' : '';
  return `${unprivileged}protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
${tls ? `ssl = yes\nssl_cert = <${tls.certPath}\nssl_key = <${tls.keyPath}` : 'ssl = no'}
disable_plaintext_auth = no
auth_mechanisms = plain login${oauth ? ` ${oauth.mechanisms.join(' ')}` : ''}
mail_location = maildir:${dir}/mail/%u/Maildir
${oauthPassdb}passdb {
  driver = passwd-file
${oauth ? '  mechanisms = plain login\n' : ''}  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
  default_fields = uid=${runAs.uid} gid=${runAs.gid} home=${dir}/mail/%u
}
service imap-login {
${loginChroot}  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
${tls ? `    address = 127.0.0.1\n    port = ${tls.port}\n    ssl = yes` : '    port = 0'}
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
protocol imap {
  imap_idle_notify_interval = 1 secs
${options.idle === false ? `  imap_capability = ${NO_IDLE_CAPABILITIES}\n` : ''}}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
`;
}
