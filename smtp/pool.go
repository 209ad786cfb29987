package smtp

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"time"
)

// pool keeps idle, already-authenticated upstream connections for a short
// while, so that a mail client's next session (clients open one per
// message) skips the upstream's connect, TLS, EHLO and AUTH.
//
// Connections are filed under a key: an HMAC, with a random key made for
// this process, of the credentials they were authenticated with and the
// client's EHLO name. The pool holds no credential, and a key cannot be
// turned back into one. A client's AUTH takes a pooled connection only
// when its credentials give the same key — that is, when the very same
// credentials were accepted by the upstream moments ago; anything else
// (a wrong password included) is checked by the upstream as before, and a
// refusal is never remembered.
type pool struct {
	secret  [32]byte
	idleFor time.Duration // how long a connection may wait unused
	maxIdle int           // idle connections kept in all

	mu     sync.Mutex
	idle   map[string][]*pooled // newest last
	n      int
	closed bool
}

type pooled struct {
	uc    *upConn
	timer *time.Timer
}

func newPool(idleFor time.Duration, maxIdle int) *pool {
	p := &pool{idleFor: idleFor, maxIdle: maxIdle, idle: map[string][]*pooled{}}
	rand.Read(p.secret[:])
	return p
}

// key files connections authenticated with cr (nil: none) for a client
// that said helo.
func (p *pool) key(cr *cred, helo string) string {
	if p == nil {
		return ""
	}
	m := hmac.New(sha256.New, p.secret[:])
	field := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		m.Write(n[:])
		m.Write(b)
	}
	field([]byte(helo))
	if cr == nil {
		field([]byte("-"))
	} else {
		// PLAIN and LOGIN present the same password upstream (the proxy
		// picks the mechanism); tokens are bound to their mechanism.
		kind := "password"
		if cr.mech == mechXOAuth2 || cr.mech == mechOAuthBearer {
			kind = cr.mech
		}
		field([]byte(kind))
		field([]byte(cr.identity))
		field([]byte(cr.user))
		field([]byte(cr.pass))
		field(cr.token)
	}
	return string(m.Sum(nil))
}

// get takes the newest idle connection filed under key, or nil.
func (p *pool) get(key string) *upConn {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.idle[key]
	for len(l) > 0 {
		e := l[len(l)-1]
		l = l[:len(l)-1]
		p.n--
		if e.timer.Stop() {
			p.setList(key, l)
			return e.uc
		}
		// Its time ran out as we came: the timer closes it.
	}
	p.setList(key, l)
	return nil
}

func (p *pool) setList(key string, l []*pooled) {
	if len(l) == 0 {
		delete(p.idle, key)
	} else {
		p.idle[key] = l
	}
}

// put files uc under key for later sessions; it closes uc instead when the
// pool is full or shut, or when the upstream refused something on it.
func (p *pool) put(key string, uc *upConn) {
	if p == nil || p.maxIdle <= 0 || uc.refused {
		go uc.close()
		return
	}
	p.mu.Lock()
	if p.closed || p.n >= p.maxIdle {
		p.mu.Unlock()
		go uc.close()
		return
	}
	e := &pooled{uc: uc}
	e.timer = time.AfterFunc(p.idleFor, func() { p.expire(key, e) })
	p.idle[key] = append(p.idle[key], e)
	p.n++
	p.mu.Unlock()
}

// expire removes e, whose idle time is over, and closes it.
func (p *pool) expire(key string, e *pooled) {
	p.mu.Lock()
	l := p.idle[key]
	for i, x := range l {
		if x == e {
			l = append(l[:i:i], l[i+1:]...)
			p.n--
			break
		}
	}
	p.setList(key, l)
	p.mu.Unlock()
	e.uc.close()
}

// size is the number of idle connections.
func (p *pool) size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n
}

// shut closes every idle connection and keeps no more.
func (p *pool) shut() {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.closed = true
	var all []*pooled
	for k, l := range p.idle {
		for _, e := range l {
			if e.timer.Stop() {
				all = append(all, e)
			}
		}
		delete(p.idle, k)
	}
	p.n = 0
	p.mu.Unlock()
	var wg sync.WaitGroup
	for _, e := range all {
		wg.Add(1)
		go func() { defer wg.Done(); e.uc.close() }()
	}
	wg.Wait()
}
