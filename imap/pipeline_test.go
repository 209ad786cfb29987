package imap

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"

	"github.com/matchguard/matchguard/analyzer"
)

// allTypes are the incoming types the fake classifier is given, "other"
// included.
var allTypes = []string{
	"interview-invite", "interview-confirmation", "interview-decline", "waitlist",
	"eligibility-reply", "application-request", "post-interview-interest",
	"rank-solicitation", "pre-match-offer", "program-update", "match-result", "other",
}

// mixedMailbox delivers n messages cycling through allTypes, every third
// one already \Seen and every fifth with a keyword of the user's; it
// returns each UID's type and flags before the watcher runs.
func mixedMailbox(ts *testServer, prefix string, n int) (types map[uint32]string, before map[uint32][]string) {
	types = map[uint32]string{}
	for i := range n {
		typ := allTypes[i%len(allTypes)]
		var flags []goimap.Flag
		if i%3 == 0 {
			flags = append(flags, goimap.FlagSeen)
		}
		if i%5 == 0 {
			flags = append(flags, "$Work")
		}
		body := "type=" + typ
		if typ == "other" {
			body = "a newsletter"
		}
		uid := ts.appendMsg("INBOX", msg(fmt.Sprint(prefix, i), "Subject "+fmt.Sprint(i), body), flags...)
		types[uid] = typ
	}
	return types, ts.flags("INBOX")
}

// wantFlags is a message's flags after tagging: what it had, its keyword,
// and \Flagged for the alert types.
func wantFlags(before []string, typ string) []string {
	want := slices.Clone(before)
	if k := Keyword(typ); k != "" {
		want = append(want, k)
	}
	if analyzer.IsAlert(typ) && !slices.Contains(want, `\flagged`) {
		want = append(want, `\flagged`)
	}
	slices.Sort(want)
	return want
}

func checkTags(t *testing.T, ts *testServer, types map[uint32]string, before map[uint32][]string) {
	t.Helper()
	after := ts.flags("INBOX")
	if len(after) != len(types) {
		t.Errorf("INBOX holds %d messages, want %d", len(after), len(types))
	}
	for uid, typ := range types {
		if want := wantFlags(before[uid], typ); !slices.Equal(after[uid], want) {
			t.Errorf("uid %d (%s): flags %v, want %v", uid, typ, after[uid], want)
		}
	}
}

// checkEventsOnce checks that the store holds one event for each typed
// message and nothing else.
func checkEventsOnce(t *testing.T, st *fakeStore, types map[uint32]string) {
	t.Helper()
	want := 0
	for _, typ := range types {
		if typ != "other" {
			want++
		}
	}
	evs := st.Events()
	seen := map[string]bool{}
	for _, e := range evs {
		if seen[e.MessageID] {
			t.Errorf("event for %s recorded twice", e.MessageID)
		}
		seen[e.MessageID] = true
		if types[e.UID] != e.Type {
			t.Errorf("event for uid %d has type %s, want %s", e.UID, e.Type, types[e.UID])
		}
	}
	if len(evs) != want {
		t.Errorf("%d events, want %d", len(evs), want)
	}
}

// storeLog records the STOREs the server sees.
type storeLog struct {
	mu     sync.Mutex
	stores []string // "uids flags"
	bad    []string // STOREs that are not +FLAGS.SILENT of our tags
}

func (l *storeLog) hook(_ *imapserver.Conn, set goimap.NumSet, flags *goimap.StoreFlags) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	var fl []string
	for _, f := range flags.Flags {
		fl = append(fl, string(f))
	}
	desc := set.String() + " " + strings.Join(fl, " ")
	l.stores = append(l.stores, desc)
	if flags.Op != goimap.StoreFlagsAdd || !flags.Silent {
		l.bad = append(l.bad, desc+" (not +FLAGS.SILENT)")
	}
	for _, f := range flags.Flags {
		if !strings.HasPrefix(string(f), "match-") && f != goimap.FlagFlagged {
			l.bad = append(l.bad, desc+" (a flag that is not ours)")
		}
	}
	return nil
}

// Many batches in flight at once: every message gets exactly its tags,
// with one +FLAGS.SILENT STORE per type and batch, and each event is
// recorded once.
func TestPipelinedBatchesTagExactly(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	types, before := mixedMailbox(ts, "pipe", 100)
	var log storeLog
	ts.setOnStore(log.hook)
	st := newFakeStore()
	const batchSize = 7
	w := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) { o.BatchSize = batchSize })
	stats, err := w.Once(ctxT(t, 20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	checkTags(t, ts, types, before)
	checkEventsOnce(t, st, types)
	if stats.Messages != 100 || stats.Events != len(st.Events()) || stats.Tagged != stats.Events || stats.Failed != 0 {
		t.Errorf("stats = %+v, want 100 messages and %d events, all tagged", stats, len(st.Events()))
	}
	var uids []uint32
	for uid := range types {
		uids = append(uids, uid)
	}
	slices.Sort(uids)
	if _, last, _ := st.MailboxState(w.account, "INBOX"); last != uids[len(uids)-1] {
		t.Errorf("last = %d, want %d", last, uids[len(uids)-1])
	}
	// One STORE per type present in each batch (the alert types' keyword
	// and \Flagged go together).
	want := 0
	for i := 0; i < len(uids); i += batchSize {
		kinds := map[string]bool{}
		for _, uid := range uids[i:min(i+batchSize, len(uids))] {
			if types[uid] != "other" {
				kinds[types[uid]] = true
			}
		}
		want += len(kinds)
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	if len(log.stores) != want {
		t.Errorf("%d STOREs, want %d (one per type and batch): %v", len(log.stores), want, log.stores)
	}
	if len(log.bad) > 0 {
		t.Errorf("unexpected STOREs: %v", log.bad)
	}
}

// The connection drops while a STORE of the third batch waits for its
// answer (its events may already be recorded): the retry does that batch
// again, and in the end every message is tagged and each event recorded
// and counted once.
func TestStoreConnectionDropMidRun(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	types, before := mixedMailbox(ts, "drop", 40)
	var uids []uint32
	for uid := range types {
		uids = append(uids, uid)
	}
	slices.Sort(uids)
	target := goimap.UID(uids[12]) // in the third batch of five
	var once sync.Once
	dropped := false
	ts.setOnStore(func(conn *imapserver.Conn, set goimap.NumSet, _ *goimap.StoreFlags) error {
		if s, ok := set.(goimap.UIDSet); ok && s.Contains(target) {
			var err error
			once.Do(func() {
				dropped = true
				conn.NetConn().Close()
				err = errors.New("connection dropped")
			})
			return err
		}
		return nil
	})
	st := newFakeStore()
	w := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) { o.BatchSize = 5 })
	stats, err := w.Once(ctxT(t, 20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if !dropped {
		t.Fatal("the STORE hook never dropped the connection")
	}
	checkTags(t, ts, types, before)
	checkEventsOnce(t, st, types)
	if stats.Messages != 40 || stats.Events != len(st.Events()) {
		t.Errorf("stats = %+v, want 40 messages and %d events", stats, len(st.Events()))
	}
	if _, last, _ := st.MailboxState(w.account, "INBOX"); last != uids[len(uids)-1] {
		t.Errorf("last = %d, want %d", last, uids[len(uids)-1])
	}
}

// A STORE that keeps failing: the batches before it are saved, the state
// never passes the failing batch, and a later run finishes the job without
// logging anything twice.
func TestStoreFailingBatchIsNotSkipped(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	types, before := mixedMailbox(ts, "fail", 30)
	var uids []uint32
	for uid := range types {
		uids = append(uids, uid)
	}
	slices.Sort(uids)
	target := goimap.UID(uids[17]) // in the fourth batch of five
	ts.setOnStore(func(conn *imapserver.Conn, set goimap.NumSet, _ *goimap.StoreFlags) error {
		if s, ok := set.(goimap.UIDSet); ok && s.Contains(target) {
			conn.NetConn().Close()
			return errors.New("connection dropped")
		}
		return nil
	})
	st := newFakeStore()
	w := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) { o.BatchSize = 5 })
	first, err := w.Once(ctxT(t, 20*time.Second))
	if err == nil {
		t.Fatal("Once succeeded though a STORE always fails")
	}
	if _, last, _ := st.MailboxState(w.account, "INBOX"); last != uids[14] {
		t.Errorf("after the failing run last = %d, want %d (the end of the third batch)", last, uids[14])
	}
	ts.setOnStore(nil)
	second, err := w.Once(ctxT(t, 20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	checkTags(t, ts, types, before)
	checkEventsOnce(t, st, types)
	if second.Messages != 15 {
		t.Errorf("second run read %d messages, want 15 (from the failing batch on)", second.Messages)
	}
	if n := first.Events + second.Events; n != len(st.Events()) {
		t.Errorf("events counted %d + %d, want %d in all", first.Events, second.Events, len(st.Events()))
	}
}

// The server refuses one keyword (NO): the others are set, nothing is lost,
// and the mailbox moves on.
func TestStoreRefusedKeywordGoesOn(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	types, before := mixedMailbox(ts, "no", 36)
	ts.setOnStore(func(_ *imapserver.Conn, _ goimap.NumSet, flags *goimap.StoreFlags) error {
		if slices.Contains(flags.Flags, "match-waitlist") {
			return &goimap.Error{Type: goimap.StatusResponseTypeNo, Text: "not this one"}
		}
		return nil
	})
	st := newFakeStore()
	w := newTestWatcher(t, testConfig(ts.addr), st, func(o *Options) { o.BatchSize = 5 })
	stats, err := w.Once(ctxT(t, 20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	waitlists := 0
	for uid, typ := range types {
		if typ == "waitlist" {
			waitlists++
			types[uid] = "other" // no tag expected
		}
	}
	checkTags(t, ts, types, before)
	if n := len(st.Events()); n != 33 || stats.Events != 33 || stats.Tagged != 33-waitlists {
		t.Errorf("stats = %+v with %d events, want 33 events, %d tagged", stats, n, 33-waitlists)
	}
	var last uint32
	for uid := range types {
		last = max(last, uid)
	}
	if _, got, _ := st.MailboxState(w.account, "INBOX"); got != last {
		t.Errorf("last = %d, want %d", got, last)
	}
}
