//go:build integration

package integration

import (
	"bufio"
	"io/fs"
	"net/textproto"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/matchguard/matchguard/analyzer"
	"github.com/matchguard/matchguard/config"
)

// The sandbox started as a person would: `matchguard serve` with no config
// file. swaks sends a quid-pro-quo draft and a clean one through the proxy
// with the demo user; the page shows one refused and one delivered; the
// watcher tags the seeded inbox on the sandbox's IMAP server.
func TestSandboxServe(t *testing.T) {
	requireTool(t, "swaks")
	sb := StartSandbox(t)
	t.Logf("sandbox ready to accept mail %v after start", sb.Ready)
	if sb.Ready > 2*time.Second {
		t.Errorf("the sandbox took %v to accept mail, want < 2s", sb.Ready)
	}
	for _, want := range []string{"Thunderbird", "neomutt", "User name " + demoUser, "Password " + demoPass, "http://" + sb.Web + "/"} {
		if !strings.Contains(sb.Output(), want) {
			t.Errorf("the instructions lack %q", want)
		}
	}

	qpq := writeDraft(t, "Ranking", "Dear Dr. Park,\n\nIf you rank me highly, I will rank your program first.\n\nBest regards,\nAmina Rahman")
	out, err := swaksSend(t, sb.SMTP, "PLAIN", demoUser, demoPass, demoUser, "hpark@lakeside-med.org", qpq)
	if err == nil || !strings.Contains(out, "550") || !strings.Contains(out, "quid-pro-quo") {
		t.Fatalf("the quid-pro-quo draft was not refused: %v\n%s", err, lastLines(out, 20))
	}
	if !strings.Contains(out, "http://"+sb.Web+"/review/") {
		t.Errorf("the refusal does not name the page's review address:\n%s", lastLines(out, 20))
	}
	clean := writeDraft(t, "Contact details", "Dear Dr. Park,\n\nA short note that my phone number has changed; the new one is 555-0142.\n\nBest regards,\nAmina Rahman")
	out, err = swaksSend(t, sb.SMTP, "LOGIN", demoUser, demoPass, demoUser, "hpark@lakeside-med.org", clean)
	if err != nil || !regexp.MustCompile(`(?m)^<~? *250 `).MatchString(out) {
		t.Fatalf("the clean draft was not relayed: %v\n%s", err, lastLines(out, 20))
	}
	// A wrong password is refused by the sink, through the proxy.
	if out, err := swaksSend(t, sb.SMTP, "PLAIN", demoUser, "wrong", demoUser, "hpark@lakeside-med.org", clean); err == nil || !strings.Contains(out, "535") {
		t.Errorf("a wrong password was not refused with 535:\n%s", lastLines(out, 10))
	}

	code, page := sb.Get("/")
	if code != 200 {
		t.Fatalf("GET /: %d", code)
	}
	if !strings.Contains(page, "Waiting for you (1)") || !strings.Contains(page, ">Ranking</a>") {
		t.Errorf("the page does not show one refused message:\n%s", page)
	}
	if !strings.Contains(page, "Delivered (1)") || !strings.Contains(page, "Contact details") {
		t.Errorf("the page does not show one delivered message:\n%s", page)
	}
	_, review := sb.Get("/review?status=blocked")
	if n := strings.Count(review, `class="state-blocked"`); n != 1 {
		t.Errorf("review lists %d blocked, want 1", n)
	}

	// The seeded inbox is tagged: each program message gets match-<type>,
	// the alerts \Flagged too, and nothing becomes \Seen.
	want := seedTypes(t)
	waitUntil(t, 15*time.Second, "the seeded inbox tagged", func() bool {
		flags := sb.InboxFlags()
		for id, typ := range want {
			if typ != analyzer.TypeOther && !hasFlag(flags[id], "match-"+typ) {
				return false
			}
		}
		return true
	})
	for id, fl := range sb.InboxFlags() {
		typ := want[id]
		if hasFlag(fl, `\seen`) {
			t.Errorf("%s became \\Seen", id)
		}
		alert := typ == analyzer.TypeRankSolicitation || typ == analyzer.TypePreMatchOffer
		if hasFlag(fl, `\flagged`) != alert {
			t.Errorf("%s (%s): flags %v", id, typ, fl)
		}
		if typ == analyzer.TypeOther {
			for _, f := range fl {
				if strings.HasPrefix(f, "match-") {
					t.Errorf("%s (other) was tagged %s", id, f)
				}
			}
		}
	}
	_, tl := sb.Get("/timeline")
	for _, w := range []string{"Alerts", "accreditation", "Contact details", "Rank deadline"} {
		if !strings.Contains(tl, w) {
			t.Errorf("the timeline lacks %q", w)
		}
	}

	sb.Stop()
	// It wrote only inside its own directory.
	filepath.WalkDir(sb.Home, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(p, sb.SandboxDir()+string(os.PathSeparator)) {
			t.Errorf("the sandbox wrote %s, outside %s", p, sb.SandboxDir())
		}
		return nil
	})
}

// seedTypes reads the sandbox's seed mail and classifies it with the
// sandbox's programs: Message-ID → the type the watcher should tag.
func seedTypes(t *testing.T) map[string]string {
	t.Helper()
	cfg, err := config.Load(filepath.Join(repoRoot(), "sandbox", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cls, err := analyzer.NewClassifier(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(repoRoot(), "sandbox", "seed", "*.eml"))
	if len(files) < 10 {
		t.Fatalf("%d seed messages, want about 10", len(files))
	}
	out := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h, err := textproto.NewReader(bufio.NewReader(strings.NewReader(string(raw)))).ReadMIMEHeader()
		if err != nil && len(h) == 0 {
			t.Fatal(err)
		}
		out[strings.Trim(h.Get("Message-Id"), "<> ")] = cls.Classify(analyzer.Parse(raw)).Type
	}
	return out
}

func hasFlag(fl []string, f string) bool {
	for _, x := range fl {
		if strings.EqualFold(x, f) {
			return true
		}
	}
	return false
}
