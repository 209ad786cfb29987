//go:build integration

package integration

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	mgBuildOnce sync.Once
	mgBin       string
	mgBuildErr  error
)

// matchguardBin builds the binary once per test run.
func matchguardBin(t *testing.T) string {
	t.Helper()
	mgBuildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "matchguard-it-")
		if err != nil {
			mgBuildErr = err
			return
		}
		mgBin = filepath.Join(dir, "matchguard")
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		cmd := exec.Command("go", "build", "-o", mgBin, "./cmd/proxy")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			mgBuildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if mgBuildErr != nil {
		t.Fatal(mgBuildErr)
	}
	return mgBin
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Proxy is `matchguard serve` running against a Mailpit.
type Proxy struct {
	t      *testing.T
	bin    string
	Config string
	Dir    string
	Addr   string
	cmd    *exec.Cmd
	procOutput
	done chan struct{}
}

// procOutput collects what a child process prints, safe to read while it
// runs; it is the process's stdout and stderr.
type procOutput struct {
	mu  sync.Mutex
	out bytes.Buffer
}

func (p *procOutput) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

// Output is everything the process printed and logged so far.
func (p *procOutput) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// StartProxy writes a config (the corpus programs, Mailpit as the
// upstream with security "none") and starts the proxy.
func StartProxy(t *testing.T, mp *Mailpit, extra string) *Proxy {
	t.Helper()
	p := &Proxy{t: t, bin: matchguardBin(t), Dir: t.TempDir()}
	programs, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "mail", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p.Addr = freeLocalAddr(t)
	cfg := string(programs) + fmt.Sprintf(`
[smtp]
listen = %q
timeout = "30s"
%s
[smtp.upstream]
address = %q
security = "none"

[web]
listen = "127.0.0.1:8025"

[data]
dir = %q
`, p.Addr, extra, mp.SMTP, filepath.Join(p.Dir, "data"))
	p.Config = filepath.Join(p.Dir, "config.toml")
	if err := os.WriteFile(p.Config, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	p.Start()
	t.Cleanup(func() {
		p.Stop()
		if t.Failed() {
			t.Logf("proxy output:\n%s", p.Output())
		}
	})
	return p
}

// Start starts `matchguard serve` and waits until it accepts connections.
func (p *Proxy) Start() {
	p.t.Helper()
	p.cmd = exec.Command(p.bin, "serve", "--verbose", "--config", p.Config)
	p.cmd.Stdout, p.cmd.Stderr = p, p
	p.cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+p.Dir, "XDG_DATA_HOME="+p.Dir)
	if err := p.cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	p.done = make(chan struct{})
	go func() { p.cmd.Wait(); close(p.done) }()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(p.Output(), "SMTP proxy on") {
			return
		}
		select {
		case <-p.done:
			p.t.Fatalf("matchguard serve exited:\n%s", p.Output())
		case <-time.After(30 * time.Millisecond):
		}
	}
	p.t.Fatalf("matchguard serve did not start:\n%s", p.Output())
}

// Stop sends SIGTERM and waits.
func (p *Proxy) Stop() {
	if p.cmd == nil || p.cmd.Process == nil {
		return
	}
	p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
	p.cmd = nil
}

// PID is the proxy's process id.
func (p *Proxy) PID() int { return p.cmd.Process.Pid }

// Run runs a matchguard subcommand with the proxy's config.
func (p *Proxy) Run(args ...string) (string, error) {
	p.t.Helper()
	args = append(args, "--config", p.Config)
	cmd := exec.Command(p.bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+p.Dir, "XDG_DATA_HOME="+p.Dir)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

var reviewIDRE = regexp.MustCompile(`review approve ([A-Za-z0-9]+)|review override ([A-Za-z0-9]+)`)

// ReviewID finds the review id in a refusal.
func ReviewID(reply string) string {
	m := reviewIDRE.FindStringSubmatch(reply)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

func hostPort(addr string) (string, string) {
	i := strings.LastIndexByte(addr, ':')
	return addr[:i], addr[i+1:]
}

// runTool runs a client program with stdin and returns its combined output.
// It fails the test after a minute.
func runTool(t *testing.T, stdin io.Reader, name string, args ...string) (string, error) {
	t.Helper()
	return runToolFor(t, time.Minute, stdin, name, args...)
}

// runToolFor is runTool with its own time limit.
func runToolFor(t *testing.T, limit time.Duration, stdin io.Reader, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = stdin
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s timed out:\n%s", name, out.String())
	}
	return "", nil
}

// lastLines returns the last n lines of s, for failure messages.
func lastLines(s string, n int) string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
