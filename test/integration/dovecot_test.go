//go:build integration

package integration

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/matchguard/matchguard/internal/testsrv"
)

// Dovecot is Debian's dovecot-imapd started with its own config file in a
// temp dir: plain-text login on a loopback port, one user with a Maildir.
//
// Dovecot refuses mail access as root, so the mail is owned by an ordinary
// user (mail, else nobody) when the test runs as root, and by the current
// user otherwise.
type Dovecot struct {
	t          *testing.T
	bin        string
	Dir        string
	Conf       string
	Addr       string // 127.0.0.1:port
	User, Pass string
	uid, gid   int
}

// dovecotPath finds the dovecot binary; a missing one skips the test, or
// fails it in CI.
func dovecotPath(t *testing.T) string {
	t.Helper()
	return requireTool(t, "dovecot", "/usr/sbin/dovecot")
}

// StartDovecot writes the config and starts Dovecot.
func StartDovecot(t *testing.T) *Dovecot {
	t.Helper()
	d := &Dovecot{t: t, bin: dovecotPath(t), User: "amina", Pass: "dove-Pa55"}
	// Not t.TempDir(): its parents are 0700 and the mail user must reach
	// the Maildir.
	dir, err := os.MkdirTemp("", "mg-dovecot-")
	if err != nil {
		t.Fatal(err)
	}
	d.Dir = dir
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"run", "state", "mail"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mailUser, internal := "", ""
	if os.Geteuid() == 0 {
		mailUser = "mail"
		if _, err := user.Lookup(mailUser); err != nil {
			mailUser = "nobody"
		}
	} else {
		u, err := user.Current()
		if err != nil {
			t.Fatal(err)
		}
		mailUser = u.Username
		// Without root, every Dovecot process runs as us.
		internal = fmt.Sprintf("default_internal_user = %[1]s\ndefault_login_user = %[1]s\ndefault_internal_group = %[2]s\n",
			u.Username, groupName(t, u.Gid))
	}
	mu, err := user.Lookup(mailUser)
	if err != nil {
		t.Fatal(err)
	}
	d.uid, _ = strconv.Atoi(mu.Uid)
	d.gid, _ = strconv.Atoi(mu.Gid)
	if err := os.Chown(filepath.Join(dir, "mail"), d.uid, d.gid); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "passwd"), []byte(d.User+":{PLAIN}"+d.Pass+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.Addr = freeLocalAddr(t)
	_, port := hostPort(d.Addr)
	conf := testsrv.DovecotConf(dir, d.uid, d.gid, port, internal)
	d.Conf = filepath.Join(dir, "dovecot.conf")
	if err := os.WriteFile(d.Conf, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	d.Start()
	t.Cleanup(func() {
		d.Stop()
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
			t.Logf("dovecot log:\n%s", lastLines(string(log), 40))
		}
	})
	return d
}

func groupName(t *testing.T, gid string) string {
	g, err := user.LookupGroupId(gid)
	if err != nil {
		t.Fatal(err)
	}
	return g.Name
}

// Start starts Dovecot and waits for its greeting.
func (d *Dovecot) Start() {
	d.t.Helper()
	// Dovecot daemonizes and its children keep stdout and stderr: give it
	// a file, not a pipe, or waiting for it would wait for them all.
	outPath := filepath.Join(d.Dir, "start.out")
	outFile, err := os.Create(outPath)
	if err != nil {
		d.t.Fatal(err)
	}
	cmd := exec.Command(d.bin, "-c", d.Conf)
	cmd.Stdout, cmd.Stderr = outFile, outFile
	err = cmd.Run()
	outFile.Close()
	if err != nil {
		out, _ := os.ReadFile(outPath)
		log, _ := os.ReadFile(filepath.Join(d.Dir, "dovecot.log"))
		d.t.Fatalf("dovecot -c %s: %v\n%s\n%s", d.Conf, err, out, log)
	}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", d.Addr, time.Second)
		if err == nil {
			c.SetReadDeadline(time.Now().Add(2 * time.Second))
			buf := make([]byte, 64)
			n, _ := c.Read(buf)
			c.Close()
			if bytes.HasPrefix(buf[:n], []byte("* OK")) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	d.t.Fatalf("dovecot did not greet on %s", d.Addr)
}

// Stop stops Dovecot (dovecot -c FILE stop) and waits until the port is
// closed and the master is gone.
func (d *Dovecot) Stop() {
	pidFile := filepath.Join(d.Dir, "run", "master.pid")
	pidText, _ := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(pidText)))
	// The master's children: an imap process serving a client outlives
	// the master by seconds, and a restart is only real once it is gone.
	children := childPIDs(pid)
	exec.Command(d.bin, "-c", d.Conf, "stop").Run()
	deadline := time.Now().Add(15 * time.Second)
	killAt := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		alive := pid > 0 && processAlive(pid)
		for _, c := range children {
			if processAlive(c) {
				alive = true
				if time.Now().After(killAt) {
					syscall.Kill(c, syscall.SIGKILL)
				}
			}
		}
		c, err := net.DialTimeout("tcp", d.Addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
		}
		if !alive && err != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	d.t.Errorf("dovecot did not stop")
}

// processAlive reports whether pid runs (a zombie does not).
func processAlive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// pid (comm) state ...
	s := string(stat)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}
	return true
}

// childPIDs lists the processes whose parent is pid.
func childPIDs(pid int) []int {
	if pid <= 0 {
		return nil
	}
	entries, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range entries {
		n, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", n))
		if err != nil {
			continue
		}
		s := string(stat)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) > 1 {
			if ppid, _ := strconv.Atoi(f[1]); ppid == pid {
				out = append(out, n)
			}
		}
	}
	return out
}

// Client logs in with go-imap.
func (d *Dovecot) Client() *imapclient.Client {
	d.t.Helper()
	c, err := imapclient.DialInsecure(d.Addr, &imapclient.Options{})
	if err != nil {
		d.t.Fatal(err)
	}
	if err := c.Login(d.User, d.Pass).Wait(); err != nil {
		c.Close()
		d.t.Fatal(err)
	}
	return c
}

// Append delivers one message by APPEND with go-imap and returns its UID.
func (d *Dovecot) Append(mailbox string, raw []byte, flags ...goimap.Flag) uint32 {
	d.t.Helper()
	c := d.Client()
	defer c.Close()
	cmd := c.Append(mailbox, int64(len(raw)), &goimap.AppendOptions{Flags: flags})
	if _, err := cmd.Write(raw); err != nil {
		d.t.Fatal(err)
	}
	if err := cmd.Close(); err != nil {
		d.t.Fatal(err)
	}
	data, err := cmd.Wait()
	if err != nil {
		d.t.Fatal(err)
	}
	return uint32(data.UID)
}

// PyAppend delivers files by APPEND from Python's imaplib, a client other
// than ours; flags[i] (may be "") are set on files[i].
func (d *Dovecot) PyAppend(mailbox string, files, flags []string) {
	d.t.Helper()
	py := requireTool(d.t, "python3")
	host, port := hostPort(d.Addr)
	script := `
import imaplib, sys
host, port, user, pw, box = sys.argv[1:6]
c = imaplib.IMAP4(host, int(port))
c.login(user, pw)
for line in sys.stdin.read().splitlines():
    path, flags = line.split("\t")
    with open(path, "rb") as f:
        raw = f.read()
    typ, data = c.append(box, "(" + flags + ")" if flags else None, None, raw)
    if typ != "OK":
        sys.exit("append %s: %s %s" % (path, typ, data))
c.logout()
`
	var in strings.Builder
	for i, f := range files {
		in.WriteString(f + "\t" + flags[i] + "\n")
	}
	// (one APPEND a round trip: the whole corpus takes tens of seconds)
	limit := time.Minute + time.Duration(len(files))*20*time.Millisecond
	out, err := runToolFor(d.t, limit, strings.NewReader(in.String()), py, "-c", script, host, port, d.User, d.Pass, mailbox)
	if err != nil {
		d.t.Fatalf("python imaplib append: %v\n%s", err, out)
	}
}

// DeliverMaildir drops a message straight into the Maildir, as a local
// delivery agent does while the IMAP server is down.
func (d *Dovecot) DeliverMaildir(raw []byte) {
	d.t.Helper()
	base := filepath.Join(d.Dir, "mail", d.User)
	for _, sub := range []string{"", "tmp", "new", "cur"} {
		p := filepath.Join(base, sub)
		os.MkdirAll(p, 0o700)
		os.Chown(p, d.uid, d.gid)
	}
	name := fmt.Sprintf("%d.M%dP%d.mgtest", time.Now().Unix(), time.Now().UnixNano()%1e9, os.Getpid())
	tmp := filepath.Join(base, "tmp", name)
	if err := os.WriteFile(tmp, raw, 0o600); err != nil {
		d.t.Fatal(err)
	}
	os.Chown(tmp, d.uid, d.gid)
	if err := os.Rename(tmp, filepath.Join(base, "new", name)); err != nil {
		d.t.Fatal(err)
	}
}

// MsgFlags is one message as the server holds it.
type MsgFlags struct {
	UID       uint32
	MessageID string
	Flags     []string // sorted, as the server spells them
}

// Flags returns every message of a mailbox with its flags and Message-ID.
func (d *Dovecot) Flags(mailbox string) []MsgFlags {
	d.t.Helper()
	c := d.Client()
	defer c.Close()
	if _, err := c.Select(mailbox, &goimap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		d.t.Fatal(err)
	}
	msgs, err := c.Fetch(goimap.UIDSet{{Start: 1, Stop: 0}}, &goimap.FetchOptions{
		UID: true, Flags: true, Envelope: true,
	}).Collect()
	if err != nil {
		// An empty mailbox answers "1:*" with nothing or an error.
		if strings.Contains(err.Error(), "No messages") {
			return nil
		}
		d.t.Fatal(err)
	}
	var out []MsgFlags
	for _, m := range msgs {
		var fl []string
		for _, f := range m.Flags {
			// \Recent belongs to a session, not to the message.
			if !strings.EqualFold(string(f), `\Recent`) {
				fl = append(fl, string(f))
			}
		}
		slices.Sort(fl)
		id := ""
		if m.Envelope != nil {
			id = m.Envelope.MessageID
		}
		out = append(out, MsgFlags{UID: uint32(m.UID), MessageID: id, Flags: fl})
	}
	return out
}

// Mailboxes lists every mailbox.
func (d *Dovecot) Mailboxes() []string {
	d.t.Helper()
	c := d.Client()
	defer c.Close()
	list, err := c.List("", "*", nil).Collect()
	if err != nil {
		d.t.Fatal(err)
	}
	var out []string
	for _, l := range list {
		out = append(out, l.Mailbox)
	}
	slices.Sort(out)
	return out
}
