// Package testsrv holds what the integration tests and the benchmark
// scripts share about the real servers they start (not used by the
// product).
package testsrv

import "fmt"

// DovecotConf is a Dovecot 2.3 configuration for a throw-away server: all
// state under dir, plain-text login on 127.0.0.1:port without TLS, Maildir
// mail owned by uid:gid (Dovecot refuses mail access as root), users from
// dir/passwd ("user:{PLAIN}password" lines). extra is inserted as is (for
// example the settings that let Dovecot run its internal services as
// root's group).
func DovecotConf(dir string, uid, gid int, port, extra string) string {
	return fmt.Sprintf(`# matchguard test server
base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:%[1]s/mail/%%u
# a throwaway store: no fsync after each delivery (the corpus is thousands of APPENDs)
mail_fsync = never
mail_uid = %[2]d
mail_gid = %[3]d
first_valid_uid = 1
first_valid_gid = 1
%[5]s
protocol imap {
  mail_max_userip_connections = 200
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[1]s/passwd
}
userdb {
  driver = static
  args = uid=%[2]d gid=%[3]d home=%[1]s/mail/%%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[4]s
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`, dir, uid, gid, port, extra)
}
