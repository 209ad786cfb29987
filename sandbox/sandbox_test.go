package sandbox

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

func startWorld(t *testing.T) *World {
	t.Helper()
	w, err := Start(Options{Dir: t.TempDir(), RandomPorts: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func TestStartIsQuickAndConfigured(t *testing.T) {
	t.Parallel()
	begin := time.Now()
	w := startWorld(t)
	took := time.Since(begin)
	t.Logf("sandbox world started in %v", took)
	if took > 2*time.Second {
		t.Errorf("start took %v, want < 2s", took)
	}
	c := w.Config
	if len(c.Programs) < 5 || c.Program("lakeside") == nil {
		t.Errorf("sample programs missing: %d", len(c.Programs))
	}
	if c.SMTP.Upstream.Address != w.SinkAddr || c.SMTP.Upstream.Security != "none" {
		t.Errorf("upstream = %+v, want the sink %s", c.SMTP.Upstream, w.SinkAddr)
	}
	if c.IMAP.Address != w.IMAPAddr || c.IMAP.Username != User {
		t.Errorf("imap = %+v", c.IMAP)
	}
	for _, a := range []string{c.SMTP.Listen, c.Web.Listen, w.SinkAddr, w.IMAPAddr} {
		if !strings.HasPrefix(a, "127.0.0.1:") {
			t.Errorf("%s is not on 127.0.0.1", a)
		}
	}
	if !strings.HasPrefix(c.Data.Dir, w.Dir) || !strings.HasPrefix(c.Rules.Dir, w.Dir) {
		t.Errorf("data %s, rules %s: want inside %s", c.Data.Dir, c.Rules.Dir, w.Dir)
	}
}

func TestIMAPHoldsTheSeedMail(t *testing.T) {
	t.Parallel()
	w := startWorld(t)
	c, err := imapclient.DialInsecure(w.IMAPAddr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(User, "wrong").Wait(); err == nil {
		t.Error("a wrong password was accepted")
	}
	if err := c.Login(User, Password).Wait(); err != nil {
		t.Fatal(err)
	}
	sel, err := c.Select("INBOX", &goimap.SelectOptions{}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if int(sel.NumMessages) != w.Seeded || w.Seeded < 10 {
		t.Errorf("INBOX has %d messages, seeded %d (want about 10)", sel.NumMessages, w.Seeded)
	}
	if !hasWildcard(sel.PermanentFlags) {
		t.Error("keywords are not allowed: the watcher could not tag")
	}
}

func hasWildcard(fs []goimap.Flag) bool {
	for _, f := range fs {
		if f == goimap.FlagWildcard {
			return true
		}
	}
	return false
}

func TestSinkTakesMailFromTheDemoUserOnly(t *testing.T) {
	t.Parallel()
	w := startWorld(t)
	send := func(auth sasl.Client) error {
		c, err := gosmtp.Dial(w.SinkAddr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := c.Hello("test"); err != nil {
			return err
		}
		if auth != nil {
			if err := c.Auth(auth); err != nil {
				return err
			}
		}
		return c.SendMail(User, []string{"hpark@lakeside-med.org"},
			strings.NewReader("Subject: =?utf-8?q?Caf=C3=A9?=\r\nFrom: "+User+"\r\n\r\nHello.\r\n"))
	}
	var se *gosmtp.SMTPError
	if err := send(nil); !errors.As(err, &se) || se.Code != gosmtp.ErrAuthRequired.Code {
		t.Errorf("without AUTH: %v, want %d", err, gosmtp.ErrAuthRequired.Code)
	}
	if err := send(sasl.NewPlainClient("", User, "nope")); !errors.As(err, &se) || se.Code != 535 {
		t.Errorf("wrong password: %v, want 535", err)
	}
	if err := send(sasl.NewPlainClient("", User, Password)); err != nil {
		t.Fatalf("PLAIN: %v", err)
	}
	if err := send(sasl.NewLoginClient(User, Password)); err != nil {
		t.Fatalf("LOGIN: %v", err)
	}
	got := w.Delivered()
	if len(got) != 2 || got[0].Subject != "Café" || got[0].To[0] != "hpark@lakeside-med.org" {
		t.Fatalf("delivered = %+v", got)
	}
	// Kept across a restart, in the sandbox's directory only.
	dir := w.Dir
	w.Close()
	w2, err := Start(Options{Dir: dir, RandomPorts: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	if n := len(w2.Delivered()); n != 2 {
		t.Errorf("after restart: %d delivered, want 2", n)
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, _ := d.Info(); info.Mode().Perm()&0o077 != 0 {
				t.Errorf("%s is readable by others: %v", p, info.Mode())
			}
		}
		return nil
	})
	if _, err := os.Stat(filepath.Join(dir, "sink", "index.jsonl")); err != nil {
		t.Error(err)
	}
}
