package smtp

import "sync"

// recorder writes relayed messages to the store after their 250 has gone
// out, so the client does not wait for the ledger (a SQLite commit; on a
// busy disk, a checkpoint). Records run one at a time, in the order the
// messages were accepted, and a judgment first waits for every record
// added before it began: the history it reads always holds every message
// already answered 250. Shutdown waits for them too.
type recorder struct {
	mu      sync.Mutex
	cond    sync.Cond
	queue   []func()
	queued  uint64
	done    uint64
	running bool
}

func newRecorder() *recorder {
	r := &recorder{}
	r.cond.L = &r.mu
	return r
}

// add queues f.
func (r *recorder) add(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.queue = append(r.queue, f)
	r.queued++
	if !r.running {
		r.running = true
		go r.run()
	}
}

func (r *recorder) run() {
	r.mu.Lock()
	for len(r.queue) > 0 {
		f := r.queue[0]
		r.queue[0] = nil
		r.queue = r.queue[1:]
		r.mu.Unlock()
		f()
		r.mu.Lock()
		r.done++
		r.cond.Broadcast()
	}
	r.running = false
	r.mu.Unlock()
}

// wait returns once every record added before the call is written.
func (r *recorder) wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for target := r.queued; r.done < target; {
		r.cond.Wait()
	}
}
