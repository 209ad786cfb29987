//go:build integration

package integration

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// artifactDir is where the browser test leaves its screenshots:
// $MATCHGUARD_ARTIFACTS, else a new temporary directory (kept, and named
// in the test log).
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MATCHGUARD_ARTIFACTS")
	if dir == "" {
		d, err := os.MkdirTemp("", "matchguard-artifacts-")
		if err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// browser starts a headless Chromium (Debian's, installed by
// scripts/install-deps.sh) with a fresh profile and nothing running in the
// background.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := requireTool(t, "chromium", "/usr/bin/chromium", "chromium-browser")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1100),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first run starts the browser; it lives as long as ctx, so no
	// timeout on ctx itself (the steps get theirs from the test's).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// A person's path through the page in a real browser: a held message is
// listed, opened with its finding marked in the text, approved; the same
// message sent again goes through and shows on the timeline.
func TestWebBrowserApproveHeldMessage(t *testing.T) {
	requireTool(t, "swaks")
	sb := StartSandbox(t)
	ctx, cancel := context.WithTimeout(browser(t), 90*time.Second) // for the steps only
	defer cancel()
	art := artifactDir(t)

	draft := writeDraft(t, "Thank you for the interview",
		"Dear Dr. Park,\n\nThank you for the conversation on Thursday. I promise I will rank Lakeside first, you have my word.\n\nBest regards,\nAmina Rahman")
	out, err := swaksSend(t, sb.SMTP, "PLAIN", demoUser, demoPass, demoUser, "hpark@lakeside-med.org", draft)
	id := ReviewID(out)
	if err == nil || !strings.Contains(out, "550") || !strings.Contains(out, "held") || id == "" {
		t.Fatalf("the promise was not held: %v\n%s", err, lastLines(out, 20))
	}

	// Run and Do fail with the step's error; the page's address is in the
	// message when a selector never appears.
	run := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s in the browser: %v", what, err)
		}
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		run("screenshot "+name, err)
		save(t, art, name, png)
	}
	link := chromedp.CSS(`a[href="/review/` + id + `"]`)
	run("open the held message", chromedp.Do(ctx,
		chromedp.Navigate("http://"+sb.Web+"/review?status=held"),
		chromedp.WaitVisible(link),
		chromedp.Click(link),
		chromedp.WaitVisible(chromedp.CSS(`pre.own mark`)),
	))
	marked, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`pre.own mark`)))
	run("read the mark", err)
	shot("1-held-review.png")
	run("approve", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`button.approve`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
	))
	notice, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`p.notice`)))
	run("read the notice", err)
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`h1 .badge`)))
	run("read the status", err)
	shot("2-approved.png")
	if !strings.Contains(marked, "I promise I will rank Lakeside first") {
		t.Errorf("the marked words are %q", marked)
	}
	if !strings.HasPrefix(notice, "Approved.") || status != "approved" {
		t.Errorf("after approving: notice %q, status %q", notice, status)
	}

	// The same message again (new Message-ID and Date) goes through.
	resend := writeDraft(t, "Thank you for the interview",
		"Dear Dr. Park,\n\nThank you for the conversation on Thursday. I promise I will rank Lakeside first, you have my word.\n\nBest regards,\nAmina Rahman")
	if out, err := swaksSend(t, sb.SMTP, "PLAIN", demoUser, demoPass, demoUser, "hpark@lakeside-med.org", resend); err != nil {
		t.Fatalf("the approved message was not relayed: %v\n%s", err, lastLines(out, 20))
	}

	sent := chromedp.CSS(`li.ev.out.t-approved`)
	run("open the timeline", chromedp.Do(ctx,
		chromedp.Navigate("http://"+sb.Web+"/timeline?program=lakeside"),
		chromedp.WaitVisible(sent),
	))
	line, err := chromedp.Run(ctx, chromedp.Text(sent))
	run("read the timeline", err)
	shot("3-timeline.png")
	if !strings.Contains(line, "Thank you for the interview") || !strings.Contains(line, "sent after approval") {
		t.Errorf("the timeline line is %q", line)
	}
	if n := len(sbDelivered(t, sb)); n != 1 {
		t.Errorf("%d messages delivered, want 1", n)
	}
}

func save(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Error(err)
	}
}

// sbDelivered lists the rows of the sandbox's delivered page.
func sbDelivered(t *testing.T, sb *Sandbox) []string {
	t.Helper()
	_, body := sb.Get("/delivered")
	return strings.Split(body, `<tr class="delivered">`)[1:]
}
