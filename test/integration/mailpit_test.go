//go:build integration

package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Mailpit is a real SMTP server with real authentication, used as the
// proxy's upstream. Its HTTP API shows what arrived.
type Mailpit struct {
	t          *testing.T
	bin        string
	dir        string
	SMTP, HTTP string // 127.0.0.1:port
	User, Pass string
	cmd        *exec.Cmd
	log        *bytes.Buffer
}

// needBinary returns the path of a program the test needs. A missing one
// skips the test, except in CI (CI=true), where it fails it.
func requireTool(t *testing.T, name string, candidates ...string) string {
	t.Helper()
	for _, c := range append(candidates, name) {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (run scripts/install-deps.sh)", name)
	}
	t.Skipf("%s is not installed (run scripts/install-deps.sh)", name)
	return ""
}

func mailpitPath(t *testing.T) string {
	gopath, _ := exec.Command("go", "env", "GOPATH").Output()
	return requireTool(t, "mailpit", filepath.Join(strings.TrimSpace(string(gopath)), "bin", "mailpit"))
}

// freeAddr returns a loopback address with a port free at the time.
func freeLocalAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// StartMailpit starts Mailpit on free loopback ports with SMTP
// authentication (user amina, a password) allowed without TLS.
func StartMailpit(t *testing.T) *Mailpit {
	t.Helper()
	m := &Mailpit{t: t, bin: mailpitPath(t), dir: t.TempDir(), User: "amina@example.org", Pass: "pit-Pa55word"}
	if err := os.WriteFile(filepath.Join(m.dir, "auth"), []byte(m.User+":"+m.Pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m.SMTP, m.HTTP = freeLocalAddr(t), freeLocalAddr(t)
	m.Start()
	t.Cleanup(m.Stop)
	return m
}

// Start (re)starts Mailpit on its ports and database.
func (m *Mailpit) Start() {
	m.t.Helper()
	m.log = &bytes.Buffer{}
	m.cmd = exec.Command(m.bin,
		"--smtp", m.SMTP, "--listen", m.HTTP,
		"--database", filepath.Join(m.dir, "mp.db"),
		"--smtp-auth-file", filepath.Join(m.dir, "auth"), "--smtp-auth-allow-insecure",
		"--smtp-disable-rdns", "--disable-version-check", "--max", "5000")
	m.cmd.Stdout, m.cmd.Stderr = m.log, m.log
	if err := m.cmd.Start(); err != nil {
		m.t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", m.SMTP); err == nil {
			c.Close()
			if resp, err := http.Get("http://" + m.HTTP + "/api/v1/messages"); err == nil {
				resp.Body.Close()
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	m.t.Fatalf("mailpit did not start: %s", m.log)
}

// Stop stops Mailpit (it can be started again).
func (m *Mailpit) Stop() {
	if m.cmd == nil || m.cmd.Process == nil {
		return
	}
	m.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { m.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		m.cmd.Process.Kill()
		<-done
	}
	m.cmd = nil
}

// MailpitMessage is a message in Mailpit's list.
type MailpitMessage struct {
	ID        string
	MessageID string
	Subject   string
	To        []struct{ Address string }
}

// Messages lists what arrived, newest first.
func (m *Mailpit) Messages() []MailpitMessage {
	m.t.Helper()
	var out struct {
		Messages []MailpitMessage `json:"messages"`
	}
	m.getJSON("/api/v1/messages?limit=5000", &out)
	return out.Messages
}

// Raw returns a message as Mailpit stores it.
func (m *Mailpit) Raw(id string) []byte {
	m.t.Helper()
	resp, err := http.Get("http://" + m.HTTP + "/api/v1/message/" + id + "/raw")
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		m.t.Fatalf("raw %s: %d %v", id, resp.StatusCode, err)
	}
	return b
}

// DeleteAll empties the mailbox.
func (m *Mailpit) DeleteAll() {
	m.t.Helper()
	req, _ := http.NewRequest(http.MethodDelete, "http://"+m.HTTP+"/api/v1/messages", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		m.t.Fatal(err)
	}
	resp.Body.Close()
}

func (m *Mailpit) getJSON(path string, v any) {
	m.t.Helper()
	resp, err := http.Get("http://" + m.HTTP + path)
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		m.t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		m.t.Fatalf("GET %s: %v", path, err)
	}
}

// WaitCount waits until n messages are there (Mailpit stores
// asynchronously) and returns them.
func (m *Mailpit) WaitCount(n int) []MailpitMessage {
	m.t.Helper()
	var got []MailpitMessage
	for i := 0; i < 100; i++ {
		if got = m.Messages(); len(got) >= n {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
	m.t.Fatalf("mailpit has %d messages, want %d", len(got), n)
	return nil
}

// StripMailpitTrace removes the Return-Path and Received lines Mailpit
// puts above a message, leaving the message as it was submitted.
func StripMailpitTrace(raw []byte) []byte {
	for {
		var name string
		switch {
		case bytes.HasPrefix(raw, []byte("Return-Path:")):
			name = "Return-Path"
		case bytes.HasPrefix(raw, []byte("Received:")):
			name = "Received"
		default:
			return raw
		}
		_ = name
		// Drop the line and its continuation lines.
		i := bytes.Index(raw, []byte("\r\n"))
		if i < 0 {
			return raw
		}
		raw = raw[i+2:]
		for len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') {
			j := bytes.Index(raw, []byte("\r\n"))
			if j < 0 {
				return raw
			}
			raw = raw[j+2:]
		}
	}
}

func (m *Mailpit) String() string { return fmt.Sprintf("mailpit smtp=%s http=%s", m.SMTP, m.HTTP) }
