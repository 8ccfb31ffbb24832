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
export function dovecotConfig(
  dir: string,
  port: number,
  runAs: DovecotRunAs,
  options: { idle?: boolean } = {},
): string {
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
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
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
    port = 0
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
