//go:build integration

package integration

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

const itFrom = "amina.rahman@example.org"

// corpusCRLF copies a corpus draft with CRLF line ends (as mail clients
// send) and a fresh Message-ID, and returns the path and the bytes.
func corpusCRLF(t *testing.T, name string) (string, []byte) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "mail", "out", name))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n", "\r\n")
	var lines []string
	for _, l := range strings.Split(s, "\r\n") {
		if strings.HasPrefix(strings.ToLower(l), "message-id:") {
			l = fmt.Sprintf("Message-ID: <it-%d@example.org>", time.Now().UnixNano())
		}
		lines = append(lines, l)
	}
	out := []byte(strings.Join(lines, "\r\n"))
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, out
}

// assertArrivedIdentical checks that Mailpit holds exactly want, below
// the trace lines it adds.
func assertArrivedIdentical(t *testing.T, mp *Mailpit, msgs []MailpitMessage, want []byte) {
	t.Helper()
	for _, m := range msgs {
		got := StripMailpitTrace(mp.Raw(m.ID))
		if bytes.Equal(got, want) {
			return
		}
		// Show the first difference.
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		lo := max(0, i-40)
		t.Errorf("message %s differs at byte %d (got %d bytes, want %d):\n got …%q…\nwant …%q…", m.ID, i, len(got), len(want),
			got[lo:min(len(got), i+40)], want[lo:min(len(want), i+40)])
	}
	t.Fatalf("no byte-identical message among %d", len(msgs))
}

func assertNoSecrets(t *testing.T, p *Proxy, mp *Mailpit, words ...string) {
	t.Helper()
	out := p.Output()
	for _, w := range append([]string{mp.Pass, base64.StdEncoding.EncodeToString([]byte("\x00" + mp.User + "\x00" + mp.Pass))}, words...) {
		if strings.Contains(out, w) {
			t.Errorf("proxy output contains %q", w)
		}
	}
}

func TestSMTPProgramMailArrivesByteIdentical(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	clients := []struct {
		name string
		send func(path string) error
	}{
		{"python-smtplib", func(path string) error {
			r := pySend(t, p.Addr, true, mp.User, mp.Pass, itFrom, []string{"hpark@lakeside-med.org"}, path)
			if !r.OK {
				return fmt.Errorf("%d %s", r.Code, r.Msg)
			}
			return nil
		}},
		{"msmtp", func(path string) error {
			out, err := msmtpSend(t, p.Addr, mp.User, mp.Pass, itFrom, "hpark@lakeside-med.org", path)
			if err != nil {
				return fmt.Errorf("%v: %s", err, out)
			}
			return nil
		}},
	}
	for _, c := range clients {
		t.Run(c.name, func(t *testing.T) {
			mp.DeleteAll()
			path, raw := corpusCRLF(t, "a-ok-thanks-lakeside-pd.eml")
			if err := c.send(path); err != nil {
				t.Fatalf("send: %v", err)
			}
			assertArrivedIdentical(t, mp, mp.WaitCount(1), raw)
		})
	}
	assertNoSecrets(t, p, mp, "sepsis", "time-to-antibiotics")
}

func TestSMTPFriendMailUntouched(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	// A draft the rules would refuse, to a friend: relayed as it is.
	path, raw := corpusCRLF(t, "a-qpq-explicit-rank-me-highly.eml")
	var b bytes.Buffer
	for _, l := range strings.Split(string(raw), "\r\n") {
		if strings.HasPrefix(l, "To:") {
			l = "To: Sam <sam.friend@example.net>"
		}
		b.WriteString(l + "\r\n")
	}
	raw = bytes.TrimSuffix(b.Bytes(), []byte("\r\n"))
	os.WriteFile(path, raw, 0o600)
	r := pySend(t, p.Addr, true, mp.User, mp.Pass, itFrom, []string{"sam.friend@example.net"}, path)
	if !r.OK {
		t.Fatalf("friend mail refused: %d %s", r.Code, r.Msg)
	}
	assertArrivedIdentical(t, mp, mp.WaitCount(1), raw)
	out, err := p.Run("review", "list", "--json")
	if err != nil || strings.TrimSpace(out) != "" {
		t.Errorf("friend mail left review items: %v %q", err, out)
	}
}

func TestSMTPQuidProQuoRefused(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	path, _ := corpusCRLF(t, "a-qpq-explicit-rank-me-highly.eml")
	to := "hpark@lakeside-med.org"
	if b, _ := os.ReadFile(path); bytes.Contains(b, []byte("@")) {
		for _, l := range strings.Split(string(b), "\r\n") {
			if strings.HasPrefix(l, "To:") {
				if i, j := strings.LastIndex(l, "<"), strings.LastIndex(l, ">"); i >= 0 && j > i {
					to = l[i+1 : j]
				}
			}
		}
	}
	out, err := swaksSend(t, p.Addr, "PLAIN", mp.User, mp.Pass, itFrom, to, path)
	if err == nil {
		t.Fatalf("swaks succeeded; want a refusal:\n%s", out)
	}
	if !strings.Contains(out, "550") || !strings.Contains(out, "5.7.1") || !strings.Contains(out, "quid-pro-quo") {
		t.Fatalf("refusal lacks 550 5.7.1 quid-pro-quo:\n%s", lastLines(out, 25))
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(mp.Messages()); n != 0 {
		t.Fatalf("%d messages arrived; want none", n)
	}
	list, _ := p.Run("review", "list", "--json")
	if !strings.Contains(list, `"status":"blocked"`) || !strings.Contains(list, "quid-pro-quo") {
		t.Errorf("review list: %s", list)
	}
}

func TestSMTPHoldApproveResend(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	// A binding promise: the rules hold it for review.
	text := "Dear Dr. Park,\\n\\nI certify my AMIA list this week and wanted you to hear it from me: I promise I will rank Lakeside first. You can rely on it.\\n\\nWith gratitude,\\nAmina Rahman"
	src := "gen:My rank list:" + text
	rcpt := []string{"hpark@lakeside-med.org"}
	r := pySend(t, p.Addr, true, mp.User, mp.Pass, itFrom, rcpt, src)
	if r.OK || r.Code != 550 || !strings.Contains(r.Msg, "5.7.1") {
		t.Fatalf("first send: %+v, want 550 5.7.1 (held)", r)
	}
	id := ReviewID(r.Msg)
	if id == "" || !strings.Contains(r.Msg, "http://127.0.0.1:8025/review/"+id) {
		t.Fatalf("hold reply names no review id and page:\n%s", r.Msg)
	}
	if out, err := p.Run("review", "approve", id); err != nil {
		t.Fatalf("review approve: %v %s", err, out)
	}
	// Approvals survive a restart.
	p.Stop()
	p.Start()
	// The client sends again: new Message-ID, Date and MIME boundary.
	r = pySend(t, p.Addr, true, mp.User, mp.Pass, itFrom, rcpt, src)
	if !r.OK {
		t.Fatalf("re-send after approval: %+v", r)
	}
	if msgs := mp.WaitCount(1); len(msgs) != 1 {
		t.Fatalf("%d messages arrived, want 1", len(msgs))
	}
	// One approval, one send.
	r = pySend(t, p.Addr, true, mp.User, mp.Pass, itFrom, rcpt, src)
	if r.OK || r.Code != 550 {
		t.Fatalf("third send: %+v, want held again", r)
	}
	show, _ := p.Run("review", "show", id, "--json")
	if !strings.Contains(show, `"status":"sent"`) {
		t.Errorf("review show after send: %s", show)
	}
}

func TestSMTPAuthentication(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	path, _ := corpusCRLF(t, "a-ok-thanks-lakeside-pd.eml")
	t.Run("no-auth-530", func(t *testing.T) {
		r := pySend(t, p.Addr, true, "", "", itFrom, []string{"hpark@lakeside-med.org"}, path)
		if r.OK || r.Code != 530 {
			t.Fatalf("without AUTH: %+v, want 530", r)
		}
	})
	t.Run("wrong-password-535", func(t *testing.T) {
		out, err := swaksSend(t, p.Addr, "LOGIN", mp.User, "not-the-password", itFrom, "hpark@lakeside-med.org", path)
		if err == nil || !strings.Contains(out, "535") {
			t.Fatalf("wrong password: %v\n%s", err, lastLines(out, 15))
		}
	})
	for _, mech := range []string{"PLAIN", "LOGIN"} {
		t.Run("swaks-starttls-"+mech, func(t *testing.T) {
			mp.DeleteAll()
			out, err := swaksSend(t, p.Addr, mech, mp.User, mp.Pass, itFrom, "hpark@lakeside-med.org", path)
			if err != nil || !strings.Contains(out, "STARTTLS") {
				t.Fatalf("swaks %s: %v\n%s", mech, err, lastLines(out, 20))
			}
			mp.WaitCount(1)
		})
	}
	if n := len(mp.Messages()); n != 1 {
		t.Errorf("%d messages in Mailpit, want 1", n)
	}
	assertNoSecrets(t, p, mp, "not-the-password")
}

func TestSMTPUpstreamStopped(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	path, raw := corpusCRLF(t, "a-ok-thanks-lakeside-pd.eml")
	mp.Stop()
	r := pySend(t, p.Addr, true, mp.User, mp.Pass, itFrom, []string{"hpark@lakeside-med.org"}, path)
	if r.OK || r.Code/100 != 4 {
		t.Fatalf("upstream stopped: %+v, want a 4xx", r)
	}
	mp.Start()
	r = pySend(t, p.Addr, true, mp.User, mp.Pass, itFrom, []string{"hpark@lakeside-med.org"}, path)
	if !r.OK {
		t.Fatalf("after restart: %+v", r)
	}
	assertArrivedIdentical(t, mp, mp.WaitCount(1), raw)

	// Stopped between AUTH and DATA: the session's send gets a 4xx too.
	mp.DeleteAll()
	c, err := gosmtp.Dial(p.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Hello("client.example.org")
	if err := c.Auth(sasl.NewPlainClient("", mp.User, mp.Pass)); err != nil {
		t.Fatal(err)
	}
	mp.Stop()
	err = c.SendMail(itFrom, []string{"hpark@lakeside-med.org"}, bytes.NewReader(raw))
	var se *gosmtp.SMTPError
	if !asSMTPError(err, &se) || se.Code/100 != 4 {
		t.Fatalf("send with upstream stopped: %v, want 4xx", err)
	}
	mp.Start()
	if err := c.SendMail(itFrom, []string{"hpark@lakeside-med.org"}, bytes.NewReader(raw)); err != nil {
		t.Fatalf("same session after restart: %v", err)
	}
	mp.WaitCount(1)
}

func asSMTPError(err error, se **gosmtp.SMTPError) bool {
	e, ok := err.(*gosmtp.SMTPError)
	if ok {
		*se = e
	}
	return ok
}

func TestSMTPClientDropsMidData(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	conn, err := net.Dial("tcp", p.Addr)
	if err != nil {
		t.Fatal(err)
	}
	tp := textproto.NewConn(conn)
	step := func(line string, want int) {
		t.Helper()
		if line != "" {
			tp.PrintfLine("%s", line)
		}
		code, msg, _ := tp.ReadResponse(0)
		if code != want {
			t.Fatalf("%q: %d %s", line, code, msg)
		}
	}
	step("", 220)
	step("EHLO client.example.org", 250)
	step("AUTH PLAIN "+base64.StdEncoding.EncodeToString([]byte("\x00"+mp.User+"\x00"+mp.Pass)), 235)
	step("MAIL FROM:<"+itFrom+">", 250)
	step("RCPT TO:<hpark@lakeside-med.org>", 250)
	step("DATA", 354)
	io.WriteString(conn, "From: "+itFrom+"\r\nTo: hpark@lakeside-med.org\r\nSubject: half\r\n\r\nDear Dr. Park,\r\nThank you for")
	conn.Close()
	time.Sleep(700 * time.Millisecond)
	if n := len(mp.Messages()); n != 0 {
		t.Fatalf("%d messages arrived from a dropped client", n)
	}
	if out, _ := p.Run("review", "list", "--json"); strings.TrimSpace(out) != "" {
		t.Errorf("review items after a dropped client: %s", out)
	}
	if !strings.Contains(p.Output(), "nothing relayed") {
		t.Errorf("proxy did not log the dropped message")
	}
}

func TestSMTPTwentyClientsAtOnce(t *testing.T) {
	mp := StartMailpit(t)
	p := StartProxy(t, mp, "")
	_, raw := corpusCRLF(t, "a-ok-thanks-lakeside-pd.eml")
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rcpt := "hpark@lakeside-med.org"
			if i%2 == 1 {
				rcpt = fmt.Sprintf("friend%d@example.net", i)
			}
			msg := bytes.Replace(raw, []byte("Message-ID: <"), []byte(fmt.Sprintf("Message-ID: <c%d-", i)), 1)
			c, err := gosmtp.Dial(p.Addr)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			if err := c.Hello("client.example.org"); err != nil {
				errs <- err
				return
			}
			if err := c.Auth(sasl.NewPlainClient("", mp.User, mp.Pass)); err != nil {
				errs <- fmt.Errorf("client %d auth: %w", i, err)
				return
			}
			if err := c.SendMail(itFrom, []string{rcpt}, bytes.NewReader(msg)); err != nil {
				errs <- fmt.Errorf("client %d: %w", i, err)
				return
			}
			c.Quit()
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := mp.WaitCount(20); len(got) != 20 {
		t.Errorf("%d messages arrived, want 20", len(got))
	}
}

var _ = json.Marshal
