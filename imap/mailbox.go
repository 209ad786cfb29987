package imap

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"log/slog"

	"github.com/matchguard/matchguard/analyzer"
)

var errClosed = errors.New("imap: connection closed by the server")

// mailbox follows one mailbox over its own connection.
type mailbox struct {
	w    *Watcher
	name string
	log  *slog.Logger
}

// once catches up; connection failures are retried up to three times.
func (m *mailbox) once(ctx context.Context) error {
	b := m.w.newBackoff()
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		if attempt > 0 {
			d := b.next()
			m.log.Warn("retrying", "in", d.Round(time.Millisecond), "err", err)
			if !sleep(ctx, d) {
				return ctx.Err()
			}
		}
		err = m.session(ctx, true, nil)
		if err == nil || ctx.Err() != nil || isPermanent(err) {
			break
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", m.name, err)
	}
	return nil
}

// follow runs sessions until ctx is cancelled, reconnecting with backoff.
func (m *mailbox) follow(ctx context.Context) {
	b := m.w.newBackoff()
	for ctx.Err() == nil {
		ready := false
		err := m.session(ctx, false, func() { ready = true })
		if ctx.Err() != nil {
			return
		}
		if ready {
			// The last session got going: start the delays over.
			b.reset()
		}
		d := b.next()
		if isPermanent(err) {
			d = m.w.opts.BackoffMax
		}
		m.log.Warn("connection lost; reconnecting", "in", d.Round(time.Millisecond), "err", err)
		if !sleep(ctx, d) {
			return
		}
	}
}

// session connects, selects the mailbox, catches up and, unless once is
// set, waits for new mail until the connection drops or ctx is done. ready
// is called once the first catch-up is done.
func (m *mailbox) session(ctx context.Context, once bool, ready func()) error {
	wake := make(chan struct{}, 1)
	signal := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	// The handler runs on the client's reader goroutine: it must not send
	// commands or block, so it only signals.
	handler := &imapclient.UnilateralDataHandler{
		Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				signal()
			}
		},
	}
	c, err := m.w.dial(ctx, handler)
	if err != nil {
		return err
	}
	defer c.Close()
	// A cancelled context closes the connection, which ends any command
	// in flight.
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()

	sel, err := c.Select(m.name, &goimap.SelectOptions{}).Wait()
	if err != nil {
		var ie *goimap.Error
		if errors.As(err, &ie) {
			return &permanentError{fmt.Errorf("select %s: %w", m.name, err)}
		}
		return fmt.Errorf("select %s: %w", m.name, err)
	}
	t, err := m.newTagger(c, sel)
	if err != nil {
		return err
	}
	if err := m.catchUp(ctx, c, sel.UIDValidity, sel.UIDNext, t); err != nil {
		return err
	}
	if ready != nil {
		ready()
	}
	if once {
		_ = c.Logout().Wait()
		return nil
	}

	if !m.w.opts.noIdle && c.Caps().Has(goimap.CapIdle) {
		m.log.Info("following with IDLE")
		return m.idleLoop(ctx, c, sel.UIDValidity, t, wake)
	}
	m.log.Info("following by polling", "every", m.w.imap.PollInterval.D())
	return m.pollLoop(ctx, c, sel.UIDValidity, t, wake)
}

func (m *mailbox) idleLoop(ctx context.Context, c *imapclient.Client, uidValidity uint32, t *tagger, wake <-chan struct{}) error {
	refresh := time.NewTimer(m.w.opts.IdleRefresh)
	defer refresh.Stop()
	for {
		// NOOP first: some servers (go-imap's memory server among them)
		// report mail that arrived just before IDLE only on the next
		// command, not when IDLE starts. The handler's signal is buffered,
		// so news arriving here wakes the IDLE below at once.
		if err := c.Noop().Wait(); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("noop: %w", err)
		}
		idle, err := c.Idle()
		if err != nil {
			return fmt.Errorf("idle: %w", err)
		}
		// Wait for the server to say something, ctx, or the refresh timer.
		idleDone := make(chan error, 1)
		go func() { idleDone <- idle.Wait() }()
		woke := false
		select {
		case <-wake:
			woke = true
		case <-refresh.C:
		case <-ctx.Done():
		case <-c.Closed():
			<-idleDone
			return errClosed
		case err := <-idleDone:
			// IDLE ended without us: the connection is gone.
			if err == nil {
				err = errClosed
			}
			return fmt.Errorf("idle: %w", err)
		}
		// Stop IDLE before any other command.
		if err := stopIdle(c, idle, idleDone); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("idle: %w", err)
		}
		if ctx.Err() != nil {
			return nil
		}
		if !woke {
			refresh.Reset(m.w.opts.IdleRefresh)
		}
		if err := m.catchUp(ctx, c, uidValidity, 0, t); err != nil {
			return err
		}
	}
}

// stopIdle ends IDLE and waits for the server's reply; a server that does
// not answer within 30 s gets its connection closed.
func stopIdle(c *imapclient.Client, idle *imapclient.IdleCommand, done <-chan error) error {
	closeErr := idle.Close()
	select {
	case err := <-done:
		if closeErr != nil {
			return closeErr
		}
		return err
	case <-time.After(30 * time.Second):
		c.Close()
		<-done
		return errors.New("no reply to DONE within 30s")
	}
}

func (m *mailbox) pollLoop(ctx context.Context, c *imapclient.Client, uidValidity uint32, t *tagger, wake <-chan struct{}) error {
	tick := time.NewTicker(m.w.imap.PollInterval.D())
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-c.Closed():
			return errClosed
		case <-tick.C:
		case <-wake:
		}
		if err := c.Noop().Wait(); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("noop: %w", err)
		}
		if err := m.catchUp(ctx, c, uidValidity, 0, t); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
	}
}

// result is what became of one fetched message.
type result struct {
	uid    uint32
	ev     Event
	tagged bool
	failed bool
}

// catchUp handles every message above the last handled UID, in batches.
// uidNext is SELECT's UIDNEXT (0 when unknown).
func (m *mailbox) catchUp(ctx context.Context, c *imapclient.Client, uidValidity uint32, uidNext goimap.UID, t *tagger) error {
	w := m.w
	storedValidity, last, err := w.store.MailboxState(w.account, m.name)
	if err != nil {
		return fmt.Errorf("read mailbox state: %w", err)
	}
	if storedValidity != uidValidity {
		if storedValidity != 0 {
			m.log.Warn("UIDVALIDITY changed: reading the mailbox again; known messages are not logged twice",
				"was", storedValidity, "now", uidValidity)
			w.mu.Lock()
			rescanTo := uint32(1<<32 - 1)
			if uidNext > 0 {
				rescanTo = uint32(uidNext) - 1
			}
			w.rescanTo[m.name] = rescanTo
			w.mu.Unlock()
		}
		last = 0
		if err := w.store.SetMailboxState(w.account, m.name, uidValidity, 0); err != nil {
			return fmt.Errorf("save mailbox state: %w", err)
		}
	}

	var crit goimap.SearchCriteria
	var set goimap.UIDSet
	set.AddRange(goimap.UID(last+1), 0)
	crit.UID = []goimap.UIDSet{set}
	data, err := c.UIDSearch(&crit, nil).Wait()
	if err != nil {
		return fmt.Errorf("uid search: %w", err)
	}
	var uids []goimap.UID
	for _, u := range data.AllUIDs() {
		// "n:*" includes the highest UID even when it is below n.
		if uint32(u) > last {
			uids = append(uids, u)
		}
	}
	if len(uids) == 0 {
		return nil
	}
	slices.Sort(uids)
	m.log.Debug("catching up", "messages", len(uids), "after_uid", last)
	m.progress(0, len(uids))

	// A pipeline of three stages that overlap:
	//
	//   - this goroutine issues one UID FETCH per batch and reads it as it
	//     streams in, handing each message to the classifiers at once; it
	//     does not wait for a batch's classifications before fetching the
	//     next, so neither the server nor the classifiers stand idle at a
	//     batch's end;
	//   - classifier goroutines (one per usable core) parse and classify;
	//   - the finisher takes the batches in UID order, waits for their last
	//     classification, then tags, records and saves each one.
	//
	// The client takes commands from this goroutine and the finisher (UID
	// commands only, so their order does not matter). The finisher may wait
	// for a STORE queued behind a FETCH; that FETCH is always read to its
	// end without the finisher (the queue between them holds the batches
	// fetched meanwhile), so the two never wait on each other.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, 2*classifyQueue)
	var workers sync.WaitGroup
	for range classifiers() {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for j := range jobs {
				j.b.put(j.i, m.classify(j.r))
			}
		}()
	}
	defer func() {
		close(jobs)
		workers.Wait()
	}()

	queue := make(chan *batch, batchQueue)
	finished := make(chan error, 1)
	go func() {
		var err error
		for b := range queue {
			if err != nil {
				continue // drain
			}
			if err = m.finish(uidValidity, b, t); err != nil {
				cancel()
				continue
			}
			m.progress(b.done, len(uids))
		}
		finished <- err
	}()
	var fetchErr error
	for i := 0; i < len(uids) && ctx.Err() == nil; i += w.opts.BatchSize {
		b := newBatch(uids[i:min(i+w.opts.BatchSize, len(uids))], i)
		if err := m.fetch(ctx, c, b, jobs); err != nil {
			fetchErr = err
			break
		}
		select {
		case queue <- b:
		case <-ctx.Done():
		}
	}
	close(queue)
	if err := <-finished; err != nil {
		return err
	}
	if fetchErr != nil {
		return fetchErr
	}
	return ctx.Err()
}

// classifyQueue is how many fetched messages may wait for a classifier per
// classifier; batchQueue how many fetched batches may wait for the
// finisher. Together they bound what is held in memory.
const (
	classifyQueue = 16
	batchQueue    = 2
)

// classifiers is how many messages are classified at once: one per usable
// core.
func classifiers() int { return max(1, runtime.GOMAXPROCS(0)) }

// batch is one UID FETCH's messages on their way through the pipeline.
type batch struct {
	uids    []goimap.UID // asked for, ascending
	done    int          // messages of the pass done once this batch is
	start   time.Time    // the FETCH was sent
	fetched time.Duration
	pending sync.WaitGroup // classifications not yet done
	results []result       // by index into uids
	got     []bool         // the server returned uids[i]
}

func newBatch(uids []goimap.UID, before int) *batch {
	return &batch{
		uids:    uids,
		done:    before + len(uids),
		results: make([]result, len(uids)),
		got:     make([]bool, len(uids)),
	}
}

// put stores the classification of uids[i]. Each index is written by one
// classifier only, and read after pending is done.
func (b *batch) put(i int, r result) {
	b.results[i] = r
	b.pending.Done()
}

// list waits for the batch's classifications and returns one result per
// message the server returned, in UID order.
func (b *batch) list() []result {
	b.pending.Wait()
	out := make([]result, 0, len(b.results))
	for i, r := range b.results {
		if b.got[i] {
			out = append(out, r)
		}
	}
	return out
}

// job is one fetched message for a classifier: uids[i] of batch b.
type job struct {
	b *batch
	i int
	r raw
}

func (m *mailbox) progress(done, total int) {
	if f := m.w.opts.Progress; f != nil {
		f(Progress{Mailbox: m.name, Done: done, Total: total})
	}
}

// finish tags and records one fetched batch, then saves the mailbox
// state. Any error before the state is saved means the batch is done again
// next time: tags are idempotent and events deduplicated.
func (m *mailbox) finish(uidValidity uint32, b *batch, t *tagger) error {
	w := m.w
	t0 := time.Now()
	results := b.list()
	t1 := time.Now()
	w.mu.Lock()
	rescanTo := w.rescanTo[m.name]
	w.mu.Unlock()

	// The keyword and \Flagged STOREs go out first and are waited on last:
	// the events are recorded while the server works on them (it may first
	// finish the next batch's FETCH). Tags are idempotent and events
	// deduplicated, so the order does not matter should either fail: the
	// state is saved only when both are done. Folder copies of messages
	// that may already be known wait for the store's answer.
	var st Stats
	stores := t.storeAsync(results)
	var copyNow, copyIfNew []*result
	for i := range results {
		r := &results[i]
		if r.failed || r.ev.Type == analyzer.TypeOther || !t.folders {
			continue
		}
		if r.uid <= rescanTo {
			copyIfNew = append(copyIfNew, r)
		} else {
			copyNow = append(copyNow, r)
		}
	}
	if err := t.copy(copyNow); err != nil {
		stores.wait()
		return err
	}
	if len(copyIfNew) > 0 {
		// Those copies are made only for events the store finds new: a
		// STORE failing after the events are recorded would lose them.
		if err := stores.wait(); err != nil {
			return err
		}
	}
	t2 := time.Now()
	var evs []Event
	var evResults []*result
	for i := range results {
		r := &results[i]
		st.Messages++
		if r.failed {
			st.Failed++
			continue
		}
		if r.ev.Type == analyzer.TypeOther {
			continue
		}
		evs = append(evs, r.ev)
		evResults = append(evResults, r)
	}
	added, err := m.addEvents(evs)
	if err != nil {
		stores.wait()
		return fmt.Errorf("record events: %w", err)
	}
	t3 := time.Now()
	var newOnes []*result
	for i, r := range evResults {
		if added[i] {
			st.Events++
			if r.uid <= rescanTo {
				newOnes = append(newOnes, r)
			}
		}
	}
	// From here on the events are in the store: a failure still counts
	// them, as the batch done again will not find them new.
	fail := func(err error) error {
		stores.wait()
		w.addStats(Stats{Events: st.Events})
		return err
	}
	var toCopy []*result
	for _, r := range copyIfNew {
		if slices.Contains(newOnes, r) {
			toCopy = append(toCopy, r)
		}
	}
	if err := t.copy(toCopy); err != nil {
		return fail(err)
	}
	if err := stores.wait(); err != nil {
		return fail(err)
	}
	for i := range results {
		if results[i].tagged {
			st.Tagged++
		}
	}
	if err := w.store.SetMailboxState(w.account, m.name, uidValidity, uint32(b.uids[len(b.uids)-1])); err != nil {
		return fail(fmt.Errorf("save mailbox state: %w", err))
	}
	w.addStats(st)
	m.log.Debug("batch done", "messages", len(b.uids), "fetch", b.fetched,
		"classify_wait", t1.Sub(t0), "tag", t2.Sub(t1)+time.Since(t3), "record", t3.Sub(t2))
	return nil
}

// addEvents records events, in one call where the store can batch them.
func (m *mailbox) addEvents(evs []Event) ([]bool, error) {
	if len(evs) == 0 {
		return nil, nil
	}
	if b, ok := m.w.store.(EventBatcher); ok {
		added, err := b.AddEvents(evs)
		if err == nil && len(added) != len(evs) {
			err = fmt.Errorf("the store answered for %d of %d events", len(added), len(evs))
		}
		return added, err
	}
	added := make([]bool, len(evs))
	for i, e := range evs {
		a, err := m.w.store.AddEvent(e)
		if err != nil {
			return nil, err
		}
		added[i] = a
	}
	return added, nil
}

// raw is one fetched message waiting to be classified.
type raw struct {
	uid   uint32
	body  []byte
	idate time.Time
}

// fetch reads batch b with UID FETCH BODY.PEEK[] (never setting \Seen)
// and hands each message to the classifiers as it arrives; it returns
// once the FETCH is done, without waiting for the classifications.
func (m *mailbox) fetch(ctx context.Context, c *imapclient.Client, b *batch, jobs chan<- job) error {
	w := m.w
	opts := &goimap.FetchOptions{
		UID:          true,
		InternalDate: true,
		BodySection:  []*goimap.FetchItemBodySection{{Peek: true}},
	}
	b.start = time.Now()
	cmd := c.Fetch(goimap.UIDSetNum(b.uids...), opts)
	defer func() { b.fetched = time.Since(b.start) }()

	var readErr error
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		var r raw
		for {
			item := msg.Next()
			if item == nil {
				break
			}
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				r.uid = uint32(it.UID)
			case imapclient.FetchItemDataInternalDate:
				r.idate = it.Time
			case imapclient.FetchItemDataBodySection:
				if it.Literal == nil {
					continue
				}
				body, err := readLiteral(it.Literal, w.opts.MaxMessageBytes)
				if err != nil && readErr == nil {
					readErr = err
				}
				r.body = body
			}
		}
		i, ok := slices.BinarySearch(b.uids, goimap.UID(r.uid))
		if r.uid == 0 || !ok || b.got[i] {
			// A flag update, a message outside the batch, or a second
			// answer for one message.
			continue
		}
		if readErr != nil {
			continue // the batch fails below; classifying it is wasted
		}
		b.got[i] = true
		b.pending.Add(1)
		select {
		case jobs <- job{b: b, i: i, r: r}:
		case <-ctx.Done():
			b.pending.Done()
		}
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("uid fetch: %w", err)
	}
	if readErr != nil {
		return fmt.Errorf("uid fetch: %w", readErr)
	}
	return nil
}

// readLiteral reads up to limit bytes and discards the rest.
func readLiteral(lit goimap.LiteralReader, limit int64) ([]byte, error) {
	n := min(lit.Size(), limit)
	buf := make([]byte, n)
	if _, err := io.ReadFull(lit, buf); err != nil {
		return nil, err
	}
	if lit.Size() > limit {
		if _, err := io.Copy(io.Discard, lit); err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// classify parses and classifies one message. A panic in the analyzer is
// caught: the message is logged and skipped, never a stuck mailbox.
func (m *mailbox) classify(r raw) (res result) {
	res.uid = r.uid
	defer func() {
		if p := recover(); p != nil {
			m.log.Error("could not classify message; skipped", "uid", r.uid, "panic", fmt.Sprint(p))
			res = result{uid: r.uid, failed: true}
		}
	}()
	if len(r.body) == 0 {
		m.log.Warn("empty message; skipped", "uid", r.uid)
		return result{uid: r.uid, failed: true}
	}
	msg := analyzer.Parse(r.body)
	if len(msg.Problems) > 0 {
		m.log.Info("message partly unreadable; classified from what could be read",
			"uid", r.uid, "problems", strings.Join(msg.Problems, "; "))
	}
	cl := m.w.cls.Classify(msg)
	typ := cl.Type
	if typ == "" {
		typ = analyzer.TypeOther
	}
	at := msg.Date
	if at.IsZero() {
		at = r.idate
	}
	if at.IsZero() {
		at = time.Now()
	}
	id := strings.TrimSpace(msg.MessageID)
	if id == "" {
		sum := sha256.Sum256(r.body)
		id = "<sha256-" + hex.EncodeToString(sum[:12]) + "@matchguard.invalid>"
	}
	from := ""
	if len(msg.From) > 0 {
		from = msg.From[0].Addr
	}
	res.ev = Event{
		At:            at.UTC(),
		Program:       cl.Program,
		Type:          typ,
		Subject:       msg.Subject,
		From:          from,
		Detail:        Checklist(typ),
		MessageID:     id,
		InterviewDate: cl.InterviewDate,
		InterviewAt:   cl.InterviewAt,
		Confidence:    cl.Confidence,
		Evidence:      cl.Evidence,
		Account:       m.w.account,
		Mailbox:       m.name,
		UID:           r.uid,
	}
	if typ != analyzer.TypeOther {
		m.log.Debug("classified", "uid", r.uid, "type", typ, "program", cl.Program, "message_id", id)
	}
	return res
}

// backoff gives jittered, doubling delays between min and max.
type backoff struct {
	min, max, cur time.Duration
}

func (w *Watcher) newBackoff() *backoff {
	return &backoff{min: w.opts.BackoffMin, max: w.opts.BackoffMax}
}

func (b *backoff) reset() { b.cur = 0 }

func (b *backoff) next() time.Duration {
	if b.cur == 0 {
		b.cur = b.min
	} else {
		b.cur = min(b.cur*2, b.max)
	}
	// Full jitter over the upper half: between cur/2 and cur.
	half := b.cur / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
