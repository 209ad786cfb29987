package smtp

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	gosmtp "github.com/emersion/go-smtp"
)

// mkBig is a message to the program director with text (lines starting
// with a dot included, to be stuffed on the way) and an attachment of
// about n bytes.
func mkBig(subject, text string, n int) string {
	var b strings.Builder
	b.WriteString("From: Amina Rahman <amina@example.org>\r\nTo: " + pd + "\r\nSubject: " + subject + "\r\n" +
		"Message-ID: <" + fmt.Sprint(time.Now().UnixNano()) + "@example.org>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n" +
		text + "\r\n.a line with a dot\r\n..and two\r\n--b1\r\nContent-Type: application/pdf\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n")
	line := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xfb, 0xef, 0x01}, 19))
	for i := 0; b.Len() < n; i++ {
		b.WriteString(line[:i%70] + line[i%70:] + "\r\n")
	}
	b.WriteString("--b1--\r\n")
	return b.String()
}

// Big messages in these tests are a few hundred KB: the proxy streams
// from 64 KB on, in pieces of 16 KB.
const testStreamFrom = 64 << 10

func bigHarness(t *testing.T) *harness {
	return newHarness(t, func(o *Options) {
		o.Config.SMTP.MaxMessageBytes = 4 << 20
		o.streamFrom, o.streamPiece = testStreamFrom, 16<<10
	})
}

func (u *fakeUpstream) stats() (mails, dataRead int) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.mails, u.dataRead
}

func (u *fakeUpstream) tlsStats() (mails, overTLS int) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.mails, u.tlsMails
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 500; i++ {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting until %s", what)
}

func TestEnvelopeStartsWithData(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	c.must("MAIL FROM:<amina@example.org>", 250)
	c.must("RCPT TO:<"+pd+">", 250)
	if m, _ := h.up.stats(); m != 0 {
		t.Fatalf("upstream MAIL before DATA: %d", m)
	}
	c.must("DATA", 354)
	// The upstream transaction is under way while the text is still to come.
	waitFor(t, "the upstream has the envelope", func() bool { m, _ := h.up.stats(); return m == 1 })
	msg := mkMsg(pd, "Thanks", "Thank you.")
	io.WriteString(c.conn, strings.ReplaceAll(msg, "\r\n.", "\r\n..")+".\r\n")
	if code, text := c.read(); code != 250 {
		t.Fatalf("DATA: %d %s", code, text)
	}
	if got := h.up.received(); len(got) != 1 || string(got[0].raw) != msg {
		t.Fatal("message not relayed intact")
	}
}

func TestRefusedMessageLeavesUpstreamEmpty(t *testing.T) {
	h := newHarness(t, nil)
	c := h.dial()
	c.login()
	// The envelope went upstream while the message was judged; the hold
	// ends that transaction without a message.
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Plans", "I commit to ranking you first.")); code != 550 {
		t.Fatalf("hold: %d", code)
	}
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Thanks", "Thank you.")); code != 250 {
		t.Fatalf("next message: %d", code)
	}
	got := h.up.received()
	if len(got) != 1 || !strings.Contains(string(got[0].raw), "Subject: Thanks") {
		t.Fatalf("upstream got %d messages; want only the second", len(got))
	}
}

func TestBigMessageStreamed(t *testing.T) {
	for _, size := range []bool{true, false} {
		t.Run(fmt.Sprintf("size=%v", size), func(t *testing.T) {
			h := bigHarness(t)
			c := h.dial()
			c.login()
			msg := mkBig("Portfolio", "Dear Dr Park,", 600<<10)
			from := "MAIL FROM:<amina@example.org>"
			if size {
				from += fmt.Sprintf(" SIZE=%d", len(msg))
			}
			c.must(from, 250)
			c.must("RCPT TO:<"+pd+">", 250)
			c.must("DATA", 354)
			w := c.tp.DotWriter()
			io.WriteString(w, msg[:300<<10])
			c.tp.W.Flush()
			// The text goes upstream while the client is still sending.
			waitFor(t, "the upstream reads text", func() bool { _, n := h.up.stats(); return n >= 128<<10 })
			io.WriteString(w, msg[300<<10:])
			w.Close()
			if code, text := c.read(); code != 250 {
				t.Fatalf("DATA: %d %s", code, text)
			}
			got := h.up.received()
			if len(got) != 1 || !bytes.Equal(got[0].raw, []byte(msg)) {
				t.Fatalf("upstream got %d messages; first differs from what was sent", len(got))
			}
			if s, _, _ := h.store.counts(); s != 1 {
				t.Errorf("sends recorded = %d, want 1", s)
			}
		})
	}
}

func TestBigMessageRefusedNotRelayed(t *testing.T) {
	h := bigHarness(t)
	c := h.dial()
	c.login()
	// Its text goes upstream as it comes in (from testStreamFrom on); the
	// hold hangs up before the final dot.
	msg := mkBig("Plans", "I commit to ranking you first.", 300<<10)
	if code, _ := c.send("amina@example.org", []string{pd}, msg); code != 550 {
		t.Fatalf("hold: %d", code)
	}
	time.Sleep(50 * time.Millisecond)
	if len(h.up.received()) != 0 {
		t.Fatal("a held message reached the upstream")
	}
	if s, e, _ := h.store.counts(); s+e != 0 {
		t.Error("a held message was recorded as sent")
	}
	// The session goes on, on a fresh upstream connection.
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Thanks", "Thank you.")); code != 250 {
		t.Fatalf("next message: %d", code)
	}
	if len(h.up.received()) != 1 {
		t.Fatal("next message not relayed")
	}
}

func TestBigMessageClientDrops(t *testing.T) {
	h := bigHarness(t)
	c := h.dial()
	c.login()
	c.must("MAIL FROM:<amina@example.org>", 250)
	c.must("RCPT TO:<"+pd+">", 250)
	c.must("DATA", 354)
	io.WriteString(c.conn, mkBig("Half", "The first half", 300<<10))
	waitFor(t, "the upstream reads text", func() bool { _, n := h.up.stats(); return n >= 128<<10 })
	c.conn.Close()
	time.Sleep(200 * time.Millisecond)
	if len(h.up.received()) != 0 {
		t.Fatal("half a message was relayed")
	}
	if s, e, r := h.store.counts(); s+e+r != 0 {
		t.Fatal("half a message was recorded")
	}
}

func TestBigMessageTooLarge(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Config.SMTP.MaxMessageBytes = 200 << 10
		o.streamFrom, o.streamPiece = testStreamFrom, 16<<10
	})
	c := h.dial()
	c.login()
	if code, _ := c.send("amina@example.org", []string{pd}, mkBig("Big", "Hello", 300<<10)); code != 552 {
		t.Fatalf("too large: %d, want 552", code)
	}
	time.Sleep(50 * time.Millisecond)
	if len(h.up.received()) != 0 {
		t.Fatal("a message over the limit was relayed")
	}
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "Small", "Hello.")); code != 250 {
		t.Fatalf("next message: %d", code)
	}
}

func TestBigMessageOnDeadConnectionResent(t *testing.T) {
	h := bigHarness(t)
	c := h.dial()
	c.login()
	// The kept connection dies; the upstream is back at once.
	h.up.stop()
	h.up.restart()
	msg := mkBig("Portfolio", "Hello", 300<<10)
	if code, text := c.send("amina@example.org", []string{pd}, msg); code != 250 {
		t.Fatalf("DATA: %d %s", code, text)
	}
	got := h.up.received()
	if len(got) != 1 || !bytes.Equal(got[0].raw, []byte(msg)) {
		t.Fatalf("upstream got %d messages; want the message once, intact", len(got))
	}
}

func TestUpstreamRefusesBigMessage(t *testing.T) {
	h := bigHarness(t)
	c := h.dial()
	c.login()
	h.up.set(func(u *fakeUpstream) {
		u.dataErr = &gosmtp.SMTPError{Code: 552, EnhancedCode: gosmtp.EnhancedCode{5, 3, 4}, Message: "Attachment too big for us"}
	})
	code, text := c.send("amina@example.org", []string{pd}, mkBig("Portfolio", "Hello", 300<<10))
	if code != 552 || !strings.Contains(text, "Attachment too big") {
		t.Fatalf("refused by the upstream: %d %q, want its 552", code, text)
	}
	if s, e, _ := h.store.counts(); s+e != 0 {
		t.Error("recorded a send the upstream refused")
	}
	h.up.set(func(u *fakeUpstream) { u.dataErr = nil })
	if code, _ := c.send("amina@example.org", []string{pd}, mkBig("Portfolio", "Hello", 300<<10)); code != 250 {
		t.Fatalf("retry: %d", code)
	}
}
