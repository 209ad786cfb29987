//go:build integration

package integration

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	goimap "github.com/emersion/go-imap/v2"
)

// watchEnv is a config pointing the watcher at a Dovecot, and its database.
type watchEnv struct {
	t      *testing.T
	d      *Dovecot
	bin    string
	Dir    string
	Config string
	DB     string
}

func newWatchEnv(t *testing.T, d *Dovecot, extra string) *watchEnv {
	t.Helper()
	e := &watchEnv{t: t, d: d, bin: matchguardBin(t), Dir: t.TempDir()}
	programs, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "mail", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(programs) + fmt.Sprintf(`
[imap]
address = %q
security = "none"
username = %q
password_env = "MG_TEST_IMAP_PASSWORD"
poll_interval = "1s"
%s

[data]
dir = %q
`, d.Addr, d.User, extra, filepath.Join(e.Dir, "data"))
	e.Config = filepath.Join(e.Dir, "config.toml")
	if err := os.WriteFile(e.Config, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	e.DB = filepath.Join(e.Dir, "data", "matchguard.db")
	return e
}

func (e *watchEnv) env() []string {
	return append(os.Environ(), "MG_TEST_IMAP_PASSWORD="+e.d.Pass, "XDG_CONFIG_HOME="+e.Dir, "XDG_DATA_HOME="+e.Dir)
}

// run runs a matchguard subcommand with the env's config and returns its
// stdout and stderr.
func (e *watchEnv) run(args ...string) (string, string, error) {
	e.t.Helper()
	args = append(args, "--config", e.Config)
	cmd := exec.Command(e.bin, args...)
	cmd.Env = e.env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// timelineEvent is one line of `timeline --json`.
type timelineEvent struct {
	At        string  `json:"at"`
	Program   *string `json:"program"`
	Direction string  `json:"direction"`
	Type      string  `json:"type"`
	Subject   string  `json:"subject"`
	MessageID *string `json:"message_id"`
}

// received returns the "in" events of the timeline by bare Message-ID.
func (e *watchEnv) received() (map[string]string, int) {
	e.t.Helper()
	out, stderr, err := e.run("timeline", "--json", "--db", e.DB)
	if err != nil {
		e.t.Fatalf("timeline --json: %v\n%s", err, stderr)
	}
	byID := map[string]string{}
	n := 0
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev timelineEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			e.t.Fatalf("timeline --json line %q: %v", sc.Text(), err)
		}
		if ev.Direction != "in" {
			continue
		}
		n++
		if ev.MessageID == nil {
			e.t.Errorf("event without message_id: %s", sc.Text())
			continue
		}
		id := bareID(*ev.MessageID)
		if _, dup := byID[id]; dup {
			e.t.Errorf("message %s logged twice", id)
		}
		byID[id] = ev.Type
	}
	return byID, n
}

func bareID(s string) string { return strings.Trim(strings.TrimSpace(s), "<>") }

// watchProc is `matchguard watch` running.
type watchProc struct {
	cmd *exec.Cmd
	procOutput
	done chan struct{}
}

func (e *watchEnv) startWatch() *watchProc {
	e.t.Helper()
	p := &watchProc{done: make(chan struct{})}
	p.cmd = exec.Command(e.bin, "watch", "--config", e.Config, "--db", e.DB)
	p.cmd.Env = e.env()
	p.cmd.Stdout, p.cmd.Stderr = p, p
	if err := p.cmd.Start(); err != nil {
		e.t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	e.t.Cleanup(func() {
		p.stop()
		if e.t.Failed() {
			e.t.Logf("watch output:\n%s", lastLines(p.Output(), 60))
		}
	})
	return p
}

// stop sends SIGTERM and returns the exit code.
func (p *watchProc) stop() int {
	if p.cmd.ProcessState == nil {
		p.cmd.Process.Signal(os.Interrupt)
	}
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
	return p.cmd.ProcessState.ExitCode()
}

func corpusFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot(), "testdata", "mail", "in", "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in testdata/mail/in: %v", err)
	}
	slices.Sort(files)
	return files
}

// userFlags are what the applicant had set before the watcher ran.
func userFlags(i int) string {
	switch {
	case i%7 == 3:
		return `\Seen \Answered $Forwarded`
	case i%5 == 1:
		return `\Seen`
	case i%11 == 4:
		return `\Flagged $Label1`
	}
	return ""
}

func isAlert(typ string) bool { return typ == "rank-solicitation" || typ == "pre-match-offer" }

// checkTags verifies that every message carries exactly the keyword of its
// timeline type (none for unlogged mail), \Flagged for alerts, and every
// flag it had before, and nothing else.
func checkTags(t *testing.T, before map[string][]string, after []MsgFlags, types map[string]string) {
	t.Helper()
	bad := 0
	for _, m := range after {
		id := bareID(m.MessageID)
		want := slices.Clone(before[id])
		if typ, ok := types[id]; ok {
			want = append(want, "match-"+typ)
			if isAlert(typ) && !slices.Contains(want, `\Flagged`) {
				want = append(want, `\Flagged`)
			}
		}
		slices.Sort(want)
		if !slices.EqualFunc(m.Flags, want, strings.EqualFold) {
			bad++
			if bad <= 10 {
				t.Errorf("uid %d <%s>: flags %v, want %v", m.UID, id, m.Flags, want)
			}
		}
	}
	if bad > 10 {
		t.Errorf("... %d messages with wrong flags in all", bad)
	}
}

func flagsByID(t *testing.T, msgs []MsgFlags) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, m := range msgs {
		id := bareID(m.MessageID)
		if id == "" {
			t.Fatalf("uid %d has no Message-ID", m.UID)
		}
		if _, dup := out[id]; dup {
			t.Fatalf("two messages with Message-ID %s", id)
		}
		out[id] = m.Flags
	}
	return out
}

func TestIMAPWatchOnceOnDovecot(t *testing.T) {
	d := StartDovecot(t)
	files := corpusFiles(t)
	flags := make([]string, len(files))
	for i := range files {
		flags[i] = userFlags(i)
	}
	d.PyAppend("INBOX", files, flags)
	before := d.Flags("INBOX")
	if len(before) != len(files) {
		t.Fatalf("INBOX holds %d messages, want %d", len(before), len(files))
	}
	beforeByID := flagsByID(t, before)

	e := newWatchEnv(t, d, "")
	start := time.Now()
	out, stderr, err := e.run("watch", "--once", "--db", e.DB)
	if err != nil {
		t.Fatalf("watch --once: %v\n%s\n%s", err, out, stderr)
	}
	t.Logf("watch --once over %d messages: %v; %s", len(files), time.Since(start), strings.TrimSpace(out))
	if !strings.Contains(out, fmt.Sprintf("%d messages read", len(files))) {
		t.Errorf("watch --once said %q, want %d messages read", out, len(files))
	}
	types, n := e.received()
	if n == 0 {
		t.Fatal("no event logged")
	}
	after := d.Flags("INBOX")
	if len(after) != len(files) {
		t.Errorf("INBOX holds %d messages after the watcher, want %d (nothing deleted)", len(after), len(files))
	}
	checkTags(t, beforeByID, after, types)

	// A second pass reads nothing and logs nothing twice.
	out, stderr, err = e.run("watch", "--once", "--db", e.DB)
	if err != nil {
		t.Fatalf("second watch --once: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "0 messages read") {
		t.Errorf("second watch --once: %q, want 0 messages read", out)
	}
	if _, n2 := e.received(); n2 != n {
		t.Errorf("events after the second pass: %d, want %d", n2, n)
	}
	// The mailbox's flags did not change either.
	again := d.Flags("INBOX")
	if !slices.EqualFunc(after, again, func(a, b MsgFlags) bool { return a.UID == b.UID && slices.Equal(a.Flags, b.Flags) }) {
		t.Error("the second pass changed flags")
	}
}

func TestIMAPWatchFollowsAndSurvivesRestart(t *testing.T) {
	d := StartDovecot(t)
	files := corpusFiles(t)
	invite := pickCorpus(t, files, "invite-")
	confirm := pickCorpus(t, files, "confirm-")
	// Some mail from before the watcher starts.
	d.PyAppend("INBOX", files[:5], make([]string, 5))

	e := newWatchEnv(t, d, "")
	p := e.startWatch()
	waitUntil(t, 20*time.Second, "the watcher to catch up", func() bool {
		return strings.Contains(p.Output(), "following with IDLE")
	})

	// A delivered message is tagged within 2 s.
	for i, raw := range [][]byte{withNewID(invite, "live1"), withNewID(confirm, "live2")} {
		start := time.Now()
		uid := d.Append("INBOX", raw)
		waitUntil(t, 2*time.Second, fmt.Sprintf("message %d to be tagged", i+1), func() bool {
			return hasKeyword(d.Flags("INBOX"), uid)
		})
		t.Logf("tagged %v after APPEND", time.Since(start))
	}

	// Dovecot stops; mail arrives meanwhile (local delivery); Dovecot
	// comes back: the watcher reconnects and misses nothing.
	d.Stop()
	d.DeliverMaildir(withNewID(invite, "while-down"))
	time.Sleep(1500 * time.Millisecond)
	d.Start()
	waitUntil(t, 30*time.Second, "the message delivered while Dovecot was down to be tagged", func() bool {
		for _, m := range d.Flags("INBOX") {
			if strings.Contains(m.MessageID, "while-down") {
				return hasKeyword([]MsgFlags{m}, m.UID)
			}
		}
		return false
	})
	// IDLE works on the new connection.
	uid := d.Append("INBOX", withNewID(confirm, "after-restart"))
	waitUntil(t, 5*time.Second, "a message after the restart to be tagged", func() bool {
		return hasKeyword(d.Flags("INBOX"), uid)
	})
	if code := p.stop(); code != 0 {
		t.Errorf("watch exited %d after SIGTERM, want 0", code)
	}
	if !strings.Contains(p.Output(), "reconnecting") {
		t.Errorf("the watcher did not report the lost connection")
	}
	types, _ := e.received()
	for _, id := range []string{"live1", "live2", "while-down", "after-restart"} {
		found := false
		for k := range types {
			if strings.Contains(k, id) {
				found = true
			}
		}
		if !found {
			t.Errorf("no timeline event for the %s message", id)
		}
	}
	// Every message in the mailbox is accounted for exactly once.
	checkTags(t, map[string][]string{}, d.Flags("INBOX"), types)
}

func TestIMAPWatchFolderModeOnDovecot(t *testing.T) {
	d := StartDovecot(t)
	files := corpusFiles(t)
	invite := pickCorpus(t, files, "invite-")
	uid := d.Append("INBOX", invite, goimap.FlagSeen)
	e := newWatchEnv(t, d, `tagging = "folder"`)
	if out, stderr, err := e.run("watch", "--once", "--db", e.DB); err != nil {
		t.Fatalf("watch --once: %v\n%s\n%s", err, out, stderr)
	}
	boxes := d.Mailboxes()
	if !slices.Contains(boxes, "Match.Interview-Invite") && !slices.Contains(boxes, "Match/Interview-Invite") {
		t.Fatalf("no Match<delim>Interview-Invite folder in %v", boxes)
	}
	folder := "Match.Interview-Invite"
	if !slices.Contains(boxes, folder) {
		folder = "Match/Interview-Invite"
	}
	if n := len(d.Flags(folder)); n != 1 {
		t.Errorf("%s holds %d messages, want 1", folder, n)
	}
	orig := d.Flags("INBOX")
	if len(orig) != 1 || orig[0].UID != uid || !slices.Equal(orig[0].Flags, []string{`\Seen`}) {
		t.Errorf("the original changed: %+v", orig)
	}
	// Again: no second copy.
	if _, _, err := e.run("watch", "--once", "--db", e.DB); err != nil {
		t.Fatal(err)
	}
	if n := len(d.Flags(folder)); n != 1 {
		t.Errorf("after a second pass %s holds %d messages, want 1", folder, n)
	}
}

func TestIMAPWatchBadMailOnDovecot(t *testing.T) {
	d := StartDovecot(t)
	files := corpusFiles(t)
	invite := pickCorpus(t, files, "invite-")
	bad := [][]byte{
		[]byte("From: coordinator@lakeside-med.org\r\nSubject: broken\r\nMessage-ID: <bad1@x>\r\nMIME-Version: 1.0\r\n" +
			"Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain; charset=x-unknown-42\r\n" +
			"Content-Transfer-Encoding: x-martian\r\n\r\nWe would like to invite you to interview.\r\n"),
		[]byte("From: coordinator@lakeside-med.org\r\nMessage-ID: <bad2@x>\r\nSubject: " + strings.Repeat("Interview ", 820) +
			"\r\n\r\nhello\r\n"),
		[]byte("From: a@b\r\nMessage-ID: <bad3@x>\r\nthis is not a header\r\nTo: <<<@@@>>>, \"unterminated\r\n\r\n\x00\x01\xff\xfe"),
		[]byte("Message-ID: <bad4@x>\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n"),
	}
	for _, raw := range bad {
		d.Append("INBOX", raw)
	}
	good := d.Append("INBOX", invite)
	e := newWatchEnv(t, d, "")
	out, stderr, err := e.run("watch", "--once", "--db", e.DB)
	if err != nil {
		t.Fatalf("watch --once on bad mail: %v\n%s\n%s", err, out, stderr)
	}
	if !strings.Contains(out, "5 messages read") {
		t.Errorf("watch --once: %q, want 5 messages read", out)
	}
	if !hasKeyword(d.Flags("INBOX"), good) {
		t.Errorf("the good message after bad ones is not tagged")
	}
}

func pickCorpus(t *testing.T, files []string, prefix string) []byte {
	t.Helper()
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), prefix) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			return raw
		}
	}
	t.Fatalf("no corpus file %s*", prefix)
	return nil
}

// withNewID gives a corpus message a fresh Message-ID.
func withNewID(raw []byte, tag string) []byte {
	id := fmt.Sprintf("<%s.%d@mgtest.example>", tag, time.Now().UnixNano())
	lines := strings.SplitAfter(string(raw), "\n")
	var b strings.Builder
	replaced := false
	inHeader := true
	for _, l := range lines {
		if inHeader && strings.TrimRight(l, "\r\n") == "" {
			if !replaced {
				b.WriteString("Message-ID: " + id + "\r\n")
			}
			inHeader = false
		}
		if inHeader && strings.HasPrefix(strings.ToLower(l), "message-id:") {
			b.WriteString("Message-ID: " + id + "\r\n")
			replaced = true
			continue
		}
		b.WriteString(l)
	}
	return []byte(b.String())
}

func hasKeyword(msgs []MsgFlags, uid uint32) bool {
	for _, m := range msgs {
		if m.UID == uid {
			for _, f := range m.Flags {
				if strings.HasPrefix(strings.ToLower(f), "match-") {
					return true
				}
			}
		}
	}
	return false
}

func waitUntil(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
