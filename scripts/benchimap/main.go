// Command benchimap measures the IMAP watcher against a real Dovecot in one
// run (run it through scripts/bench-imap.sh):
//
//  1. `matchguard watch --once` over N messages (default 5,000) against a
//     bare go-imap client's UID FETCH BODY.PEEK[] of the same bodies: the
//     ratio of the medians (target ≤ 1.5×), and the CPU each side costs
//     (the client and its Dovecot process) beside the time parsing and
//     classifying the same bodies takes alone: on a machine with no core
//     to spare the ratio follows the CPU, and most of the watcher's is the
//     analyzer's;
//  2. the following watcher's memory (VmRSS, target ≤ 40 MB) and CPU while
//     IDLE waits, and how fast a delivered message is tagged.
//
// It starts its own Dovecot (dovecot -c FILE, loopback, plain login, a
// Maildir in a temp dir) and removes it afterwards.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
	"github.com/matchguard/matchguard/internal/testsrv"
)

func main() {
	n := flag.Int("n", 5000, "messages in the mailbox")
	bin := flag.String("bin", "", "the matchguard binary (required)")
	runs := flag.Int("runs", 3, "timed runs of each side; the median counts")
	idleFor := flag.Duration("idle", 10*time.Second, "how long to watch the idle watcher's CPU")
	corpus := flag.String("corpus", "testdata/mail/in", "directory of .eml files to cycle through")
	config := flag.String("config", "testdata/mail/config.toml", "programs config the [imap] section is added to")
	flag.BoolVar(&verbose, "verbose", false, "add up the watcher's per-batch times (fetch, tag, record) in the first run")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "benchimap: --bin is required")
		os.Exit(2)
	}
	if err := run(*bin, *n, *runs, *idleFor, *corpus, *config); err != nil {
		fmt.Fprintln(os.Stderr, "benchimap:", err)
		os.Exit(1)
	}
}

var verbose bool

func run(bin string, n, runs int, idleFor time.Duration, corpusDir, programs string) error {
	d, err := startDovecot()
	if err != nil {
		return err
	}
	defer d.stop()

	// The mailbox: corpus messages cycled with fresh Message-IDs, written
	// into the Maildir as a delivery agent would.
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	if len(files) == 0 {
		return fmt.Errorf("no .eml files in %s", corpusDir)
	}
	slices.Sort(files)
	var bodies [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		bodies = append(bodies, b)
	}
	var total int64
	for i := range n {
		raw := withID(bodies[i%len(bodies)], fmt.Sprintf("bench-%d@bench.example", i))
		total += int64(len(raw))
		if err := d.deliver(raw, i); err != nil {
			return err
		}
	}
	fmt.Printf("mailbox: %d messages, %.1f MB (corpus of %d cycled), Dovecot %s\n", n, float64(total)/1e6, len(files), d.version)

	// Let Dovecot index the new mail once, outside the timings.
	if _, err := bareFetch(d); err != nil {
		return err
	}

	cfgDir, err := os.MkdirTemp("", "mg-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cfgDir)
	progs, err := os.ReadFile(programs)
	if err != nil {
		return err
	}
	cfgPath := filepath.Join(cfgDir, "config.toml")
	cfg := string(progs) + fmt.Sprintf("\n[imap]\naddress = %q\nsecurity = \"none\"\nusername = %q\npassword_env = \"MG_BENCH_IMAP_PASSWORD\"\n\n[data]\ndir = %q\n",
		d.addr, d.user, filepath.Join(cfgDir, "data"))
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		return err
	}
	env := append(os.Environ(), "MG_BENCH_IMAP_PASSWORD="+d.pass)

	var bare, watch, watchCPU, bareCPU, doveBare, doveWatch []time.Duration
	var db string
	for i := range runs {
		d0, c0 := d.cpu(), selfCPU()
		t, err := bareFetch(d)
		if err != nil {
			return err
		}
		bare = append(bare, t)
		bareCPU = append(bareCPU, selfCPU()-c0)
		d1 := d.cpu()
		doveBare = append(doveBare, d1-d0)

		db = filepath.Join(cfgDir, fmt.Sprintf("run%d.db", i))
		args := []string{"watch", "--once", "--config", cfgPath, "--db", db}
		if verbose && i == 0 {
			args = append(args, "--verbose")
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("watch --once: %v\n%s", err, out.String())
		}
		watch = append(watch, time.Since(start))
		watchCPU = append(watchCPU, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		doveWatch = append(doveWatch, d.cpu()-d1)
		if i == 0 {
			fmt.Printf("watch --once said: %s\n", strings.TrimSpace(lastLine(out.String())))
			if verbose {
				sumBatches(out.String())
			}
		}
	}
	mb, mw := median(bare), median(watch)
	fmt.Printf("bare UID FETCH BODY.PEEK[] of %d messages: %v (median of %d: %v)\n", n, mb.Round(time.Millisecond), runs, rounded(bare))
	fmt.Printf("matchguard watch --once (fresh database each run): %v (median of %d: %v), %.0f messages/s\n",
		mw.Round(time.Millisecond), runs, rounded(watch), float64(n)/mw.Seconds())
	// Both sides are mostly CPU, the watcher's and Dovecot's, on a machine
	// that may be busy with other work: the CPU each side costs tells how
	// the ratio would come out on a machine with no time to spare.
	fmt.Printf("  CPU (user+sys), medians: bare client %v + its Dovecot %v; watcher %v + its Dovecot %v (per run: watcher %v, Dovecot %v)\n",
		median(bareCPU).Round(10*time.Millisecond), median(doveBare).Round(10*time.Millisecond),
		median(watchCPU).Round(10*time.Millisecond), median(doveWatch).Round(10*time.Millisecond),
		rounded(watchCPU), rounded(doveWatch))
	fmt.Printf("  CPU ratio watch/bare: %.2fx\n",
		(median(watchCPU)+median(doveWatch)).Seconds()/(median(bareCPU)+median(doveBare)).Seconds())
	if floorWall, floorCPU, err := classifyFloor(programs, bodiesOf(n, bodies)); err == nil {
		fmt.Printf("  parse+classify alone of the same %d messages in this process (%d goroutines): %v, CPU %v\n",
			n, runtime.GOMAXPROCS(0), floorWall.Round(time.Millisecond), floorCPU.Round(10*time.Millisecond))
	} else {
		fmt.Printf("  parse+classify alone: %v\n", err)
	}
	ratio := mw.Seconds() / mb.Seconds()
	verdict := "OK"
	if ratio > 1.5 {
		verdict = "OVER the 1.5x target"
	}
	fmt.Printf("ratio watch/bare: %.2fx (target <= 1.5x) %s\n", ratio, verdict)

	// The following watcher over the caught-up database.
	cmd := exec.Command(bin, "watch", "--config", cfgPath, "--db", db)
	cmd.Env = env
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "following with IDLE") {
		if time.Now().After(deadline) {
			return fmt.Errorf("the watcher did not start IDLE:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	pid := cmd.Process.Pid
	time.Sleep(500 * time.Millisecond)
	cpu0, rss0 := procStats(pid)
	time.Sleep(idleFor)
	cpu1, rss1 := procStats(pid)
	fmt.Printf("idle watcher: VmRSS %.1f MB (target <= 40 MB); CPU over %v of IDLE: %v\n",
		float64(max(rss0, rss1))/1024, idleFor, cpu1-cpu0)

	// One wake-up: a delivered message is tagged.
	raw := withID(bodies[0], fmt.Sprintf("bench-live-%d@bench.example", time.Now().UnixNano()))
	start := time.Now()
	uid, err := d.appendMsg(raw)
	if err != nil {
		return err
	}
	for {
		tagged, err := d.hasKeyword(uid)
		if err != nil {
			return err
		}
		if tagged {
			break
		}
		if time.Since(start) > 10*time.Second {
			return errors.New("the delivered message was not tagged within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Printf("wake-up: a delivered message was tagged %v after APPEND (Dovecot batches IDLE notices for ~0.5 s)\n", time.Since(start).Round(time.Millisecond))
	time.Sleep(time.Second)
	cpu2, rss2 := procStats(pid)
	time.Sleep(idleFor)
	cpu3, _ := procStats(pid)
	fmt.Printf("after the wake-up: VmRSS %.1f MB; CPU over the next %v of IDLE: %v\n", float64(rss2)/1024, idleFor, cpu3-cpu2)
	return nil
}

func rounded(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// selfCPU is this process's CPU time (user+system) so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpu is the CPU time (user+system) of Dovecot's processes that have ended
// (each IMAP connection has its own, which ends at LOGOUT): the master's
// reaped children. It waits a moment for the last one to be reaped.
func (d *dovecot) cpu() time.Duration {
	time.Sleep(100 * time.Millisecond)
	if d.pid <= 0 {
		pidText, _ := os.ReadFile(filepath.Join(d.dir, "run", "master.pid"))
		d.pid, _ = strconv.Atoi(strings.TrimSpace(string(pidText)))
	}
	stat, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", d.pid))
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 15 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[13], 10, 64)        // cutime
	st, _ := strconv.ParseInt(f[14], 10, 64)        // cstime
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ
}

// bodiesOf returns the n messages as delivered.
func bodiesOf(n int, corpus [][]byte) [][]byte {
	out := make([][]byte, n)
	for i := range n {
		out[i] = withID(corpus[i%len(corpus)], fmt.Sprintf("bench-%d@bench.example", i))
	}
	return out
}

// classifyFloor parses and classifies the messages on GOMAXPROCS
// goroutines, as the watcher does, with nothing else: the least the
// watcher's own work can take here.
func classifyFloor(programs string, bodies [][]byte) (wall, cpu time.Duration, err error) {
	cfg, err := config.Load(programs)
	if err != nil {
		return 0, 0, err
	}
	cls, err := analyzer.NewClassifier(cfg)
	if err != nil {
		return 0, 0, err
	}
	start, c0 := time.Now(), selfCPU()
	next := make(chan []byte, 64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range next {
				cls.Classify(analyzer.Parse(b))
			}
		}()
	}
	for _, b := range bodies {
		next <- b
	}
	close(next)
	wg.Wait()
	return time.Since(start), selfCPU() - c0, nil
}

// procStats returns the process's CPU time (user+system) and VmRSS in kB.
func procStats(pid int) (time.Duration, int64) {
	stat, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	s := string(stat)
	var cpu time.Duration
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		f := strings.Fields(s[i+1:])
		if len(f) > 12 {
			ut, _ := strconv.ParseInt(f[11], 10, 64)
			st, _ := strconv.ParseInt(f[12], 10, 64)
			cpu = time.Duration(ut+st) * time.Second / 100 // USER_HZ
		}
	}
	var rss int64
	status, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			f := strings.Fields(l)
			if len(f) > 1 {
				rss, _ = strconv.ParseInt(f[1], 10, 64)
			}
		}
	}
	return cpu, rss
}

// bareFetch logs in, selects INBOX and reads every body with UID FETCH
// 1:* BODY.PEEK[]: the least any client must do to see the same bytes.
func bareFetch(d *dovecot) (time.Duration, error) {
	start := time.Now()
	c, err := d.client()
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if _, err := c.Select("INBOX", &goimap.SelectOptions{}).Wait(); err != nil {
		return 0, err
	}
	cmd := c.Fetch(goimap.UIDSet{{Start: 1, Stop: 0}}, &goimap.FetchOptions{
		UID: true, BodySection: []*goimap.FetchItemBodySection{{Peek: true}},
	})
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		for {
			item := msg.Next()
			if item == nil {
				break
			}
			if b, ok := item.(imapclient.FetchItemDataBodySection); ok && b.Literal != nil {
				if _, err := io.ReadAll(b.Literal); err != nil {
					return 0, err
				}
			}
		}
	}
	if err := cmd.Close(); err != nil {
		return 0, err
	}
	if err := c.Logout().Wait(); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

func withID(raw []byte, id string) []byte {
	var b bytes.Buffer
	inHeader, replaced := true, false
	for _, l := range bytes.SplitAfter(raw, []byte("\n")) {
		if inHeader && len(bytes.TrimRight(l, "\r\n")) == 0 {
			if !replaced {
				b.WriteString("Message-ID: <" + id + ">\r\n")
			}
			inHeader = false
		}
		if inHeader && bytes.HasPrefix(bytes.ToLower(l), []byte("message-id:")) {
			b.WriteString("Message-ID: <" + id + ">\r\n")
			replaced = true
			continue
		}
		b.Write(l)
	}
	return b.Bytes()
}

type syncBuffer struct {
	mu chan struct{}
	b  bytes.Buffer
}

func (s *syncBuffer) lock() {
	if s.mu == nil {
		s.mu = make(chan struct{}, 1)
	}
	s.mu <- struct{}{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.lock()
	defer func() { <-s.mu }()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.lock()
	defer func() { <-s.mu }()
	return s.b.String()
}

// ---- a private Dovecot ----

type dovecot struct {
	bin, dir, conf, addr string
	user, pass, version  string
	uid, gid             int
	pid                  int
}

func startDovecot() (*dovecot, error) {
	bin, err := exec.LookPath("dovecot")
	if err != nil {
		bin = "/usr/sbin/dovecot"
		if _, err := os.Stat(bin); err != nil {
			return nil, errors.New("dovecot is not installed (scripts/install-deps.sh installs dovecot-imapd)")
		}
	}
	dir, err := os.MkdirTemp("", "mg-bench-dovecot-")
	if err != nil {
		return nil, err
	}
	d := &dovecot{bin: bin, dir: dir, user: "amina", pass: "bench-Pa55"}
	os.Chmod(dir, 0o755)
	for _, sub := range []string{"run", "state", "mail"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
	}
	internal := ""
	mailUser := "mail"
	if os.Geteuid() != 0 {
		u, _ := user.Current()
		g, _ := user.LookupGroupId(u.Gid)
		mailUser = u.Username
		internal = fmt.Sprintf("default_internal_user = %[1]s\ndefault_login_user = %[1]s\ndefault_internal_group = %[2]s\n", u.Username, g.Name)
	} else if _, err := user.Lookup(mailUser); err != nil {
		mailUser = "nobody"
	}
	mu, err := user.Lookup(mailUser)
	if err != nil {
		return nil, err
	}
	d.uid, _ = strconv.Atoi(mu.Uid)
	d.gid, _ = strconv.Atoi(mu.Gid)
	os.Chown(filepath.Join(dir, "mail"), d.uid, d.gid)
	os.WriteFile(filepath.Join(dir, "passwd"), []byte(d.user+":{PLAIN}"+d.pass+"\n"), 0o644)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	d.addr = l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(d.addr)
	conf := testsrv.DovecotConf(dir, d.uid, d.gid, port, internal)
	d.conf = filepath.Join(dir, "dovecot.conf")
	if err := os.WriteFile(d.conf, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	v, _ := exec.Command(bin, "--version").Output()
	d.version = strings.TrimSpace(string(v))
	f, _ := os.Create(filepath.Join(dir, "start.out"))
	cmd := exec.Command(bin, "-c", d.conf)
	cmd.Stdout, cmd.Stderr = f, f // a file: the daemon's children keep it open
	err = cmd.Run()
	f.Close()
	if err != nil {
		out, _ := os.ReadFile(filepath.Join(dir, "start.out"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("dovecot -c %s: %v\n%s", d.conf, err, out)
	}
	pidText, _ := os.ReadFile(filepath.Join(dir, "run", "master.pid"))
	d.pid, _ = strconv.Atoi(strings.TrimSpace(string(pidText)))
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		if c, err := d.client(); err == nil {
			c.Close()
			return d, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	d.stop()
	return nil, errors.New("dovecot did not start")
}

func (d *dovecot) stop() {
	exec.Command(d.bin, "-c", d.conf, "stop").Run()
	for range 100 {
		if d.pid <= 0 || syscall.Kill(d.pid, 0) != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	os.RemoveAll(d.dir)
}

func (d *dovecot) client() (*imapclient.Client, error) {
	c, err := imapclient.DialInsecure(d.addr, &imapclient.Options{})
	if err != nil {
		return nil, err
	}
	if err := c.Login(d.user, d.pass).Wait(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// deliver writes a message into the Maildir's new/ directory.
func (d *dovecot) deliver(raw []byte, i int) error {
	base := filepath.Join(d.dir, "mail", d.user)
	for _, sub := range []string{"", "tmp", "new", "cur"} {
		p := filepath.Join(base, sub)
		if _, err := os.Stat(p); err != nil {
			os.MkdirAll(p, 0o700)
			os.Chown(p, d.uid, d.gid)
		}
	}
	name := fmt.Sprintf("%d.M%dP%d.bench", 1700000000+i, i, os.Getpid())
	p := filepath.Join(base, "new", name)
	if err := os.WriteFile(p, raw, 0o600); err != nil {
		return err
	}
	return os.Chown(p, d.uid, d.gid)
}

func (d *dovecot) appendMsg(raw []byte) (uint32, error) {
	c, err := d.client()
	if err != nil {
		return 0, err
	}
	defer c.Close()
	cmd := c.Append("INBOX", int64(len(raw)), &goimap.AppendOptions{})
	if _, err := cmd.Write(raw); err != nil {
		return 0, err
	}
	if err := cmd.Close(); err != nil {
		return 0, err
	}
	data, err := cmd.Wait()
	if err != nil {
		return 0, err
	}
	return uint32(data.UID), nil
}

func (d *dovecot) hasKeyword(uid uint32) (bool, error) {
	c, err := d.client()
	if err != nil {
		return false, err
	}
	defer c.Close()
	if _, err := c.Select("INBOX", &goimap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return false, err
	}
	msgs, err := c.Fetch(goimap.UIDSetNum(goimap.UID(uid)), &goimap.FetchOptions{Flags: true}).Collect()
	if err != nil {
		return false, err
	}
	for _, m := range msgs {
		for _, f := range m.Flags {
			if strings.HasPrefix(strings.ToLower(string(f)), "match-") {
				return true, nil
			}
		}
	}
	return false, nil
}

// sumBatches adds up the "batch done" debug lines of a --verbose run.
func sumBatches(log string) {
	sums := map[string]time.Duration{}
	n := 0
	for _, l := range strings.Split(log, "\n") {
		if !strings.Contains(l, "batch done") {
			continue
		}
		n++
		for _, f := range strings.Fields(l) {
			k, v, ok := strings.Cut(f, "=")
			if !ok || (k != "fetch" && k != "classify_wait" && k != "tag" && k != "record") {
				continue
			}
			if d, err := time.ParseDuration(v); err == nil {
				sums[k] += d
			}
		}
	}
	// The stages overlap: the sums add up to more than the run took.
	fmt.Printf("  %d batches: FETCH streamed %v, finisher waiting on classification %v, tag (STORE/COPY) %v, record (timeline) %v\n",
		n, sums["fetch"].Round(time.Millisecond), sums["classify_wait"].Round(time.Millisecond), sums["tag"].Round(time.Millisecond), sums["record"].Round(time.Millisecond))
}
