//go:build integration

package integration

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// The sandbox's demo account (sandbox.User, sandbox.Password).
const (
	demoUser = "amina.rahman@example.org"
	demoPass = "matchguard"
)

// Sandbox is `matchguard serve` run with no config file, in a HOME of its
// own, on free ports.
type Sandbox struct {
	t                *testing.T
	Home             string
	SMTP, IMAP, Web  string // host:port
	Ready            time.Duration
	cmd              *exec.Cmd
	mu               sync.Mutex
	out              bytes.Buffer
	done             chan struct{}
	exitErr          error
	stopped          bool
	dataDir, cfgHome string
}

func (s *Sandbox) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Write(b)
}

// Output is what the sandbox printed and logged.
func (s *Sandbox) Output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()
}

var (
	smtpLineRE = regexp.MustCompile(`SMTP proxy on (127\.0\.0\.1:\d+)`)
	webLineRE  = regexp.MustCompile(`the page is at http://(127\.0\.0\.1:\d+)/`)
	imapLineRE = regexp.MustCompile(`IMAP  server (127\.0\.0\.1)  port (\d+)`)
)

// StartSandbox starts the sandbox and waits until the proxy answers an
// SMTP greeting. Ready is the time from starting the process to that.
func StartSandbox(t *testing.T) *Sandbox {
	t.Helper()
	bin := matchguardBin(t)
	home := t.TempDir()
	s := &Sandbox{t: t, Home: home, cfgHome: filepath.Join(home, "config"), dataDir: filepath.Join(home, "data")}
	s.cmd = exec.Command(bin, "serve", "--random-ports")
	s.cmd.Dir = home
	s.cmd.Stdout, s.cmd.Stderr = s, s
	s.cmd.Env = append(filteredEnv(), "HOME="+home, "XDG_CONFIG_HOME="+s.cfgHome, "XDG_DATA_HOME="+s.dataDir)
	begin := time.Now()
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s.done = make(chan struct{})
	go func() { s.exitErr = s.cmd.Wait(); close(s.done) }()
	t.Cleanup(func() {
		s.Stop()
		if t.Failed() {
			t.Logf("sandbox output:\n%s", s.Output())
		}
	})
	deadline := begin.Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out := s.Output()
		if m := smtpLineRE.FindStringSubmatch(out); m != nil && s.SMTP == "" {
			s.SMTP = m[1]
		}
		if s.SMTP != "" && greets(s.SMTP) {
			s.Ready = time.Since(begin)
			break
		}
		select {
		case <-s.done:
			t.Fatalf("matchguard serve exited:\n%s", s.Output())
		case <-time.After(5 * time.Millisecond):
		}
	}
	if s.Ready == 0 {
		t.Fatalf("the sandbox did not accept mail within 20s:\n%s", s.Output())
	}
	// The page's and the IMAP server's addresses are printed around the
	// time the proxy starts serving, not necessarily before: wait for them.
	var out string
	for wait := time.Now().Add(5 * time.Second); time.Now().Before(wait); time.Sleep(10 * time.Millisecond) {
		out = s.Output()
		if m := webLineRE.FindStringSubmatch(out); m != nil {
			s.Web = m[1]
		}
		if m := imapLineRE.FindStringSubmatch(out); m != nil {
			s.IMAP = m[1] + ":" + m[2]
		}
		if s.Web != "" && s.IMAP != "" {
			break
		}
	}
	if s.Web == "" || s.IMAP == "" {
		t.Fatalf("the sandbox did not print the page's and the IMAP server's addresses:\n%s", out)
	}
	return s
}

// filteredEnv is the environment without the variables that would point
// the sandbox at the developer's own config.
func filteredEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "XDG_") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// greets reports whether an SMTP server at addr sends its 220 greeting.
func greets(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
	if err != nil {
		return false
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(time.Second))
	b := make([]byte, 4)
	_, err = io.ReadFull(c, b)
	return err == nil && string(b[:3]) == "220"
}

// Stop sends SIGTERM and waits; it fails the test if serve does not stop
// cleanly.
func (s *Sandbox) Stop() {
	if s.stopped || s.cmd == nil || s.cmd.Process == nil {
		return
	}
	s.stopped = true
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
		if s.exitErr != nil {
			s.t.Errorf("matchguard serve exited with %v after SIGTERM", s.exitErr)
		}
	case <-time.After(40 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
		s.t.Errorf("matchguard serve did not stop within 40s of SIGTERM")
	}
}

// Get fetches a page path and returns its status and body.
func (s *Sandbox) Get(path string) (int, string) {
	s.t.Helper()
	res, err := http.Get("http://" + s.Web + path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// SandboxDir is where the sandbox keeps its files.
func (s *Sandbox) SandboxDir() string { return filepath.Join(s.dataDir, "matchguard", "sandbox") }

// InboxFlags returns each INBOX message's flags by Message-ID, read from
// the sandbox's IMAP server.
func (s *Sandbox) InboxFlags() map[string][]string {
	s.t.Helper()
	c, err := imapclient.DialInsecure(s.IMAP, nil)
	if err != nil {
		s.t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(demoUser, demoPass).Wait(); err != nil {
		s.t.Fatal(err)
	}
	if _, err := c.Select("INBOX", &goimap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		s.t.Fatal(err)
	}
	var all goimap.SeqSet
	all.AddRange(1, 0) // 1:*
	msgs, err := c.Fetch(all, &goimap.FetchOptions{Flags: true, Envelope: true}).Collect()
	if err != nil {
		s.t.Fatal(err)
	}
	out := map[string][]string{}
	for _, m := range msgs {
		var fl []string
		for _, f := range m.Flags {
			fl = append(fl, strings.ToLower(string(f)))
		}
		out[strings.Trim(m.Envelope.MessageID, "<>")] = fl
	}
	return out
}

// writeDraft writes an .eml with CRLF line ends and returns its path.
func writeDraft(t *testing.T, subject, body string) string {
	t.Helper()
	msg := "From: Amina Rahman <" + demoUser + ">\r\n" +
		"To: Helen Park <hpark@lakeside-med.org>\r\n" +
		"Subject: " + subject + "\r\n" +
		"Date: " + time.Now().Format(time.RFC1123Z) + "\r\n" +
		"Message-ID: <" + time.Now().Format("20060102150405.000000000") + "@example.org>\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		strings.ReplaceAll(body, "\n", "\r\n") + "\r\n"
	p := filepath.Join(t.TempDir(), "draft.eml")
	if err := os.WriteFile(p, []byte(msg), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
