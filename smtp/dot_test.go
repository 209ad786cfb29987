package smtp

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"math/rand/v2"
	"net/textproto"
	"testing"
)

// dotWriterText is what go-smtp's client (net/textproto's DotWriter) sends
// for text: the reference the dotStuffer must match byte for byte.
func dotWriterText(text []byte) []byte {
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	w := textproto.NewWriter(bw).DotWriter()
	w.Write(text)
	w.Close()
	return out.Bytes()
}

// stuffedText sends text as the proxy does: pieces cut at random go
// through lineHold and the dotStuffer, the rest and the end through the
// DotWriter.
func stuffedText(text []byte, r *rand.Rand) []byte {
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	st := newDotStuffer(&flushTo{bw})
	var h lineHold
	wrote := 0
	for rest := text; len(rest) > 0; {
		n := 1 + r.IntN(min(len(rest), 40))
		for _, p := range h.add(rest[:n]) {
			st.Write(p)
			wrote += len(p)
		}
		rest = rest[n:]
	}
	if k := lastLine(text); k > wrote {
		st.Write(text[wrote:k])
		wrote = k
	}
	w := textproto.NewWriter(bw).DotWriter()
	w.Write(text[wrote:])
	w.Close()
	return out.Bytes()
}

// flushTo lets the stuffer and the DotWriter share one buffered writer, as
// they share the connection.
type flushTo struct{ w *bufio.Writer }

func (f *flushTo) Write(b []byte) (int, error) { return f.w.Write(b) }

func TestDotStufferMatchesDotWriter(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab.\r\n")
	cases := [][]byte{
		nil, []byte("x"), []byte("."), []byte("\n"), []byte("\r\n"), []byte(".\r\n"), []byte("a\r\n.\r\n"),
		[]byte("line\nbare lf\n.dot after bare lf\r\n"), []byte("cr\r\r\n.x\r\n"), []byte("\r.\r\n..\r\n"),
		[]byte("no final newline"), []byte("ends with cr\r"), []byte("a\r\nb\r\n\r\n"),
	}
	for i := 0; i < 3000; i++ {
		b := make([]byte, r.IntN(120))
		for j := range b {
			b[j] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, b)
	}
	for _, text := range cases {
		want := dotWriterText(text)
		for k := 0; k < 3; k++ {
			if got := stuffedText(text, r); !bytes.Equal(got, want) {
				t.Fatalf("text %q:\n got %q\nwant %q", text, got, want)
			}
		}
	}
}

func TestStartTLSUpstream(t *testing.T) {
	cert, _, err := loadCert("", "", t.TempDir(), []string{"127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, func(o *Options) {
		o.Config.SMTP.Upstream.Security = "starttls"
		o.Config.SMTP.MaxMessageBytes = 4 << 20
		o.UpstreamTLS = &tls.Config{InsecureSkipVerify: true}
		o.streamFrom, o.streamPiece = testStreamFrom, 16<<10
	})
	h.up.stop()
	h.up.tls = &tls.Config{Certificates: []tls.Certificate{cert}}
	h.up.restart()
	msgs := []string{mkMsg(pd, "Hi", "Hello.\r\n.dot"), mkBig("Portfolio", "Dear Dr Park,", 300<<10)}
	for _, msg := range msgs {
		c := h.dial()
		c.login()
		if code, text := c.send("amina@example.org", []string{pd}, msg); code != 250 {
			t.Fatalf("send over STARTTLS: %d %s", code, text)
		}
		c.must("QUIT", 221)
	}
	got := h.up.received()
	if len(got) != 2 || string(got[0].raw) != msgs[0] || string(got[1].raw) != msgs[1] {
		t.Fatalf("upstream got %d messages; want both, intact", len(got))
	}
	if mails, overTLS := h.up.tlsStats(); mails != 2 || overTLS != 2 {
		t.Errorf("%d of %d upstream transactions over TLS, want 2 of 2", overTLS, mails)
	}
	// Without STARTTLS on offer, the proxy does not sign in in the clear.
	h.up.stop()
	h.up.tls = nil
	h.up.restart()
	h.srv.pool.shut() // the kept connections are dead now
	c := h.dial()
	c.must("EHLO client.test", 250)
	if code, msg := c.cmd(goodAuth); code != 454 {
		t.Fatalf("AUTH with an upstream without STARTTLS: %d %q, want 454", code, msg)
	}
}
