// Command benchsmtp measures the SMTP proxy against Mailpit in one run:
//
//   - 100 sends of a 5 KB program message, a new connection each (as mail
//     clients do), straight to Mailpit and through the proxy;
//   - one 20 MB message (a base64 attachment), straight and through the
//     proxy, and the proxy's peak memory (VmHWM) for it.
//
// With -baseline BIN a second matchguard (say, the one before a change) is
// measured in the same rounds, against the same Mailpit: on a shared
// machine, the one comparison that load does not skew.
//
// With -rtt 20ms every connection to Mailpit (the direct client's and the
// proxy's) crosses a relay that holds data 10 ms each way, as a mail
// server across the internet would: loopback is the proxy's worst case,
// where its own work is all there is to see.
//
// Run it with scripts/bench-smtp.sh, which builds matchguard first
// (BASELINE_REV=<git revision> builds the baseline too).
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

const (
	user = "amina@example.org"
	pass = "bench-Pa55"
	from = "amina.rahman@example.org"
)

// rcpt is a program by default: the message is judged, then relayed.
var rcpt = "hpark@lakeside-med.org"

func main() { os.Exit(run()) }

// failure is how fatal ends run, so that its deferred clean-up (Mailpit,
// the proxies, the temporary directory) happens on errors too.
type failure struct{ err error }

func run() (code int) {
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(failure)
			if !ok {
				panic(r)
			}
			fmt.Fprintln(os.Stderr, "benchsmtp:", f.err)
			code = 1
		}
	}()
	mgBin := flag.String("matchguard", "", "matchguard binary")
	baseBin := flag.String("baseline", "", "a second matchguard binary (say, before a change), measured in the same rounds")
	mpBin := flag.String("mailpit", "", "mailpit binary (default $GOPATH/bin/mailpit)")
	n := flag.Int("n", 100, "small sends per path")
	bigMB := flag.Int("big-mb", 20, "size of the big message in MB")
	flag.StringVar(&rcpt, "rcpt", rcpt, "recipient (a friend's address measures the relay alone)")
	corpus := flag.String("programs", "testdata/mail/config.toml", "config with the programs")
	rtt := flag.Duration("rtt", 0, "round-trip time to add between every client (the direct one and the proxy) and Mailpit, as to a mail server across the internet")
	flag.Parse()
	if *mgBin == "" {
		fatal(fmt.Errorf("-matchguard is required"))
	}
	if *mpBin == "" {
		gp, _ := exec.Command("go", "env", "GOPATH").Output()
		*mpBin = filepath.Join(strings.TrimSpace(string(gp)), "bin", "mailpit")
	}
	dir, err := os.MkdirTemp("", "benchsmtp-")
	check(err)
	defer os.RemoveAll(dir)

	// Mailpit with real authentication.
	check(os.WriteFile(filepath.Join(dir, "auth"), []byte(user+":"+pass+"\n"), 0o600))
	mpSMTP, mpHTTP := freeAddr(), freeAddr()
	mp := exec.Command(*mpBin, "--smtp", mpSMTP, "--listen", mpHTTP, "--database", filepath.Join(dir, "mp.db"),
		"--smtp-auth-file", filepath.Join(dir, "auth"), "--smtp-auth-allow-insecure", "--smtp-disable-rdns",
		"--disable-version-check", "--max", "1000", "-q")
	check(mp.Start())
	defer stop(mp)
	waitHTTP("http://" + mpHTTP + "/api/v1/messages")

	programs, err := os.ReadFile(*corpus)
	check(err)
	var started []*exec.Cmd // every proxy, stopped at the end whatever happens
	defer func() {
		for _, p := range started {
			stop(p)
		}
	}()
	startProxy := func(bin, name string) (*exec.Cmd, string) {
		addr := freeAddr()
		cfg := filepath.Join(dir, name+".toml")
		check(os.WriteFile(cfg, []byte(string(programs)+fmt.Sprintf(`
[smtp]
listen = %q
[smtp.upstream]
address = %q
security = "none"
[web]
listen = %q
[data]
dir = %q
`, addr, mpSMTP, freeAddr(), filepath.Join(dir, name))), 0o600))
		p := exec.Command(bin, "serve", "--config", cfg)
		p.Stdout = nil
		if os.Getenv("BENCH_LOG") != "" {
			p.Stderr, _ = os.Create(os.Getenv("BENCH_LOG") + "." + name)
		}
		check(p.Start())
		started = append(started, p)
		waitTCP(addr)
		return p, addr
	}

	small := makeMessage(5<<10, false)
	big := makeMessage(*bigMB<<20, true)
	fmt.Printf("benchsmtp: Mailpit %s; messages: %d B and %d B; %d sends each way\n", mpSMTP, len(small), len(big), *n)
	if *rtt > 0 {
		// Direct sends and the proxy's upstream both go through the delay.
		mpSMTP = delayed(mpSMTP, *rtt/2)
		fmt.Printf("benchsmtp: %v round trip added between the clients and Mailpit\n", *rtt)
	}

	type proxy struct {
		name, bin, addr string
		cmd             *exec.Cmd
		small, cpu      time.Duration
		big, bigCPU     []time.Duration
	}
	proxies := []*proxy{{name: "proxy", bin: *mgBin}}
	if *baseBin != "" {
		proxies = append(proxies, &proxy{name: "baseline", bin: *baseBin})
	}
	for _, p := range proxies {
		p.cmd, p.addr = startProxy(p.bin, "small-"+p.name)
	}
	// Warm up every path (TLS cert, SQLite, page cache).
	for i := 0; i < 5; i++ {
		check(send(mpSMTP, small))
		for _, p := range proxies {
			check(send(p.addr, small))
		}
	}
	// Alternate rounds so drift in Mailpit (its database grows) and in the
	// machine's load hits every path alike.
	var direct time.Duration
	for round := 0; round < 4; round++ {
		direct += timeSends(mpSMTP, small, *n/4)
		for _, p := range proxies {
			c0 := procCPU(p.cmd.Process.Pid)
			p.small += timeSends(p.addr, small, *n/4)
			p.cpu += procCPU(p.cmd.Process.Pid) - c0
		}
	}
	for _, p := range proxies {
		stop(p.cmd)
	}
	fmt.Printf("small: %d × 5 KB, new connection each: direct %v (%.2f ms/send)\n", *n, direct.Round(time.Millisecond), ms(direct)/float64(*n))
	for _, p := range proxies {
		fmt.Printf("small: %s %v (%.2f ms/send), ratio %.3f× (target ≤ 1.15×); its CPU %.2f ms/send (user+system: steadier than wall time on a busy machine)\n",
			p.name, p.small.Round(time.Millisecond), ms(p.small)/float64(*n), float64(p.small)/float64(direct), ms(p.cpu)/float64(*n))
	}

	// The big message, on fresh proxies so their peak memory is this
	// message's.
	base := map[*proxy]int64{}
	for _, p := range proxies {
		p.cmd, p.addr = startProxy(p.bin, "big-"+p.name)
		base[p] = procStatus(p.cmd.Process.Pid, "VmRSS")
	}
	var bd []time.Duration
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		check(send(mpSMTP, big))
		bd = append(bd, time.Since(t0))
		for _, p := range proxies {
			c0 := procCPU(p.cmd.Process.Pid)
			t0 = time.Now()
			check(send(p.addr, big))
			p.big = append(p.big, time.Since(t0))
			p.bigCPU = append(p.bigCPU, procCPU(p.cmd.Process.Pid)-c0)
		}
	}
	md := median(bd)
	fmt.Printf("big: %.1f MB message (median of 3): direct %v\n", float64(len(big))/(1<<20), md.Round(time.Millisecond))
	for _, p := range proxies {
		hwm := procStatus(p.cmd.Process.Pid, "VmHWM")
		mv := median(p.big)
		fmt.Printf("big: %s %v, ratio %.3f× (target ≤ 1.25×); its CPU %v a message\n",
			p.name, mv.Round(time.Millisecond), float64(mv)/float64(md), median(p.bigCPU).Round(time.Millisecond))
		fmt.Printf("big: %s RSS before %.1f MB, peak (VmHWM) %.1f MB = %.2f× the message (target ≤ 3×)\n",
			p.name, float64(base[p])/1024, float64(hwm)/1024, float64(hwm*1024)/float64(len(big)))
		stop(p.cmd)
	}
	return 0
}

func timeSends(addr string, msg []byte, n int) time.Duration {
	t0 := time.Now()
	for i := 0; i < n; i++ {
		check(send(addr, msg))
	}
	return time.Since(t0)
}

// send is one client session: connect, EHLO, AUTH PLAIN, one message, QUIT.
func send(addr string, msg []byte) error {
	c, err := gosmtp.Dial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Hello("bench.example.org"); err != nil {
		return err
	}
	if err := c.Auth(sasl.NewPlainClient("", user, pass)); err != nil {
		return err
	}
	if err := c.Mail(from, &gosmtp.MailOptions{Size: int64(len(msg))}); err != nil {
		return err
	}
	if err := c.Rcpt(rcpt, nil); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// makeMessage builds a question to a program's coordinator, padded to size with
// text (small) or a base64 attachment (big). It is a typical clean send:
// its verdict must not depend on the day the script runs (a thank-you
// would turn late a few days after the configured interview day, and
// every send would then also store a review item).
func makeMessage(size int, attach bool) []byte {
	var b bytes.Buffer
	b.WriteString("From: Amina Rahman <" + from + ">\r\nTo: Helen Park <" + rcpt + ">\r\n" +
		"Subject: Question about the observership dates\r\nDate: " + time.Now().Format(time.RFC1123Z) + "\r\n" +
		"Message-ID: <bench@example.org>\r\nMIME-Version: 1.0\r\n")
	text := "Dear Dr. Park,\r\n\r\nI hope you are well. I have a practical question about the observership in the informatics team. " +
		"Could you tell me whether the dates in February are still open, and which forms the hospital needs from visitors?\r\n\r\n"
	if !attach {
		b.WriteString("Content-Type: text/plain; charset=utf-8\r\n\r\n" + text)
		para := "I would also like to know whether observers may attend the weekly informatics conference and the data review meetings, and whether a badge is issued on the first day.\r\n"
		for b.Len() < size-40 {
			b.WriteString(para)
		}
		b.WriteString("\r\nSincerely,\r\nAmina Rahman\r\n")
		return b.Bytes()
	}
	b.WriteString("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text +
		"Sincerely,\r\nAmina Rahman\r\n--b1\r\nContent-Type: application/pdf; name=\"sepsis-study-manuscript.pdf\"\r\n" +
		"Content-Disposition: attachment; filename=\"sepsis-study-manuscript.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	raw := make([]byte, (size-b.Len()-20)/77*57)
	rand.Read(raw)
	enc := base64.StdEncoding.EncodeToString(raw)
	for i := 0; i < len(enc); i += 76 {
		b.WriteString(enc[i:min(i+76, len(enc))] + "\r\n")
	}
	b.WriteString("--b1--\r\n")
	return b.Bytes()
}

func procStatus(pid int, key string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	check(err)
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, key+":") {
			f := strings.Fields(l)
			v, _ := strconv.ParseInt(f[1], 10, 64)
			return v // kB
		}
	}
	return 0
}

// delayed listens on a new address and relays each connection to addr,
// holding every chunk of data oneWay in each direction (in order).
func delayed(addr string, oneWay time.Duration) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", addr)
			if err != nil {
				c.Close()
				continue
			}
			go delayCopy(u, c, oneWay)
			go delayCopy(c, u, oneWay)
		}
	}()
	return l.Addr().String()
}

func delayCopy(dst, src net.Conn, d time.Duration) {
	type chunk struct {
		at time.Time
		b  []byte
	}
	q := make(chan chunk, 4096)
	go func() {
		defer close(q)
		for {
			b := make([]byte, 64<<10)
			n, err := src.Read(b)
			if n > 0 {
				q <- chunk{time.Now().Add(d), b[:n]}
			}
			if err != nil {
				return
			}
		}
	}()
	for c := range q {
		time.Sleep(time.Until(c.at))
		if _, err := dst.Write(c.b); err != nil {
			break
		}
	}
	dst.Close()
	src.Close()
}

// procCPU is the user and system time pid has used so far.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	check(err)
	// The command name (field 2) is in parentheses and may hold spaces.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)        // field 14
	st, _ := strconv.ParseInt(f[12], 10, 64)        // field 15
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ
}

func freeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer l.Close()
	return l.Addr().String()
}

func waitTCP(addr string) {
	for i := 0; i < 1200; i++ { // 30 s: a busy machine starts slowly
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	fatal(fmt.Errorf("%s did not come up", addr))
}

func waitHTTP(url string) {
	for i := 0; i < 400; i++ {
		if r, err := http.Get(url); err == nil {
			r.Body.Close()
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	fatal(fmt.Errorf("%s did not come up", url))
}

func stop(c *exec.Cmd) {
	if c.ProcessState != nil {
		return
	}
	c.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { c.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		c.Process.Kill()
		<-done
	}
}

func sum(ds []time.Duration) (t time.Duration) {
	for _, d := range ds {
		t += d
	}
	return t
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func check(err error) {
	if err != nil {
		fatal(err)
	}
}

func fatal(err error) { panic(failure{err}) }
