package smtp

import (
	"testing"
	"time"

	"github.com/matchguard/matchguard/analyzer"
)

// historyEngine judges everything pass and notes, at each judgment, how
// many sends the store held.
type historyEngine struct {
	store *fakeStore
	seen  []int
}

func (e *historyEngine) Check(in analyzer.Input, _ analyzer.History) (analyzer.Result, error) {
	e.store.mu.Lock()
	e.seen = append(e.seen, len(e.store.sends))
	e.store.mu.Unlock()
	return analyzer.Result{Verdict: analyzer.Pass}, nil
}

func TestRecordAfterReplyBeforeNextJudgment(t *testing.T) {
	const delay = 300 * time.Millisecond
	var eng *historyEngine
	h := newHarness(t, func(o *Options) {
		st := o.Store.(*fakeStore)
		st.delay = delay
		eng = &historyEngine{store: st}
		o.Engine = eng
	})
	c := h.dial()
	c.login()
	t0 := time.Now()
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "One", "Thanks.")); code != 250 {
		t.Fatalf("first: %d", code)
	}
	if d := time.Since(t0); d >= delay {
		t.Errorf("the 250 waited %v for the record", d)
	}
	// A second session at once: its judgment sees the first send.
	c2 := h.dial()
	c2.login()
	if code, _ := c2.send("amina@example.org", []string{pd}, mkMsg(pd, "Two", "Thanks again.")); code != 250 {
		t.Fatalf("second: %d", code)
	}
	if len(eng.seen) != 2 || eng.seen[0] != 0 || eng.seen[1] != 1 {
		t.Errorf("sends seen by the judgments: %v, want [0 1]", eng.seen)
	}
}

func TestShutdownWaitsForRecords(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Store.(*fakeStore).delay = 300 * time.Millisecond })
	c := h.dial()
	c.login()
	if code, _ := c.send("amina@example.org", []string{pd}, mkMsg(pd, "One", "Thanks.")); code != 250 {
		t.Fatalf("send: %d", code)
	}
	c.must("QUIT", 221)
	h.shutdown() // Serve has returned: the store may be closed now
	h.store.mu.Lock()
	n := len(h.store.sends)
	h.store.mu.Unlock()
	if n != 1 {
		t.Errorf("sends recorded when Serve returned: %d, want 1", n)
	}
}
