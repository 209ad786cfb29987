package analyzer

import (
	"regexp/syntax"
	"slices"
	"strings"
)

// Start sequences rule out most tries of an anchored clause before its
// regular expression runs. A clause such as "i demand|i insist|this is
// unacceptable" is tried at every word that starts with one of its first
// words' prefixes ("i", "this"); most of those tries fail on the second
// word. startSeqs reads, from the expression itself, the first few words
// every match must begin with, so a try costs a few string comparisons.
//
// The filter is sound by construction: a text the expression matches at a
// word always begins with one of the sequences. Where the expression is
// too free to say (a class of both letters and punctuation, a gap of any
// words), the sequence simply stops there.

// seqWords is how many leading words a start sequence holds at most.
const seqWords = 2

// seqWord is one word of a start sequence: the word is exactly text, or,
// when prefix is set, starts with text ("" matches any word).
type seqWord struct {
	text   string
	prefix bool
}

type startSeq []seqWord

// matchesAt reports whether the words of s from word i on begin with the
// sequence.
func (q startSeq) matchesAt(s string, ws []word, i int) bool {
	if i+len(q) > len(ws) {
		return false
	}
	for k, sw := range q {
		w := ws[i+k]
		t := s[w.start:w.end]
		if sw.prefix {
			if !strings.HasPrefix(t, sw.text) {
				return false
			}
		} else if t != sw.text {
			return false
		}
	}
	return true
}

// startIndex holds a clause's start sequences by their first word, so a
// try looks up the word rather than comparing with every sequence.
type startIndex struct {
	exact  map[string][]startSeq // by the first word
	prefix map[string][]startSeq // by the first word's known prefix
	plens  []int                 // the lengths of those prefixes
}

func newStartIndex(seqs []startSeq) *startIndex {
	ix := &startIndex{exact: map[string][]startSeq{}, prefix: map[string][]startSeq{}}
	for _, q := range seqs {
		if q[0].prefix {
			if _, ok := ix.prefix[q[0].text]; !ok && !slices.Contains(ix.plens, len(q[0].text)) {
				ix.plens = append(ix.plens, len(q[0].text))
			}
			ix.prefix[q[0].text] = append(ix.prefix[q[0].text], q)
		} else {
			ix.exact[q[0].text] = append(ix.exact[q[0].text], q)
		}
	}
	return ix
}

// startsAt reports whether a match may start at word i of s.
func (ix *startIndex) startsAt(s string, ws []word, i int) bool {
	t := s[ws[i].start:ws[i].end]
	for _, q := range ix.exact[t] {
		if q.matchesAt(s, ws, i) {
			return true
		}
	}
	for _, n := range ix.plens {
		if n > len(t) {
			continue
		}
		for _, q := range ix.prefix[t[:n]] {
			if q.matchesAt(s, ws, i) {
				return true
			}
		}
	}
	return false
}

// startSeqs returns the start sequences of an expression matched at the
// start of a word, or ok=false when some match may begin with anything
// (then no filter applies). The expression may be only the head of a
// clause: where it ends, the word being read is taken as a prefix. Limits
// on the work keep odd expressions from costing much when rules compile.
func startSeqs(re *syntax.Regexp) (seqs []startSeq, ok bool) {
	e := &seqEnum{seen: map[string]bool{}, ok: true}
	e.run(nil, re, seqState{start: true})
	if !e.ok || len(e.out) == 0 {
		return nil, false
	}
	return e.out, true
}

type seqEnum struct {
	out   []startSeq
	seen  map[string]bool
	key   []byte
	steps int
	ok    bool
}

// maxCur is how much of a word a sequence keeps: longer words are known
// by their first maxCur bytes.
const maxCur = 24

// seqState is how far one branch of the enumeration has read: the words
// closed so far and the word being read. It is a value: branches copy it.
type seqState struct {
	words  [seqWords]struct{ lo, hi int } // into buf
	prefix [seqWords]bool
	n      int // closed words
	buf    [seqWords * maxCur]byte
	nb     int
	cur    int  // where the current word starts in buf
	frozen bool // the current word has unknown letters: only its prefix is known
	inWord bool // a word has started (it may be empty when frozen)
	start  bool // nothing consumed yet
}

const (
	maxSeqs     = 256
	maxSeqSteps = 20000
)

func (e *seqEnum) emit(st *seqState) {
	n := st.n
	if st.inWord && n < seqWords {
		st.words[n] = struct{ lo, hi int }{st.cur, st.nb}
		st.prefix[n] = true
		n++
	}
	if n == 0 || st.prefix[0] && st.words[0].hi == st.words[0].lo {
		e.ok = false // a match may begin with any word
		return
	}
	e.key = e.key[:0]
	for k := 0; k < n; k++ {
		e.key = append(e.key, st.buf[st.words[k].lo:st.words[k].hi]...)
		if st.prefix[k] {
			e.key = append(e.key, '*')
		}
		e.key = append(e.key, ' ')
	}
	if e.seen[string(e.key)] {
		return
	}
	e.seen[string(e.key)] = true
	q := make(startSeq, n)
	for k := range q {
		q[k] = seqWord{text: string(st.buf[st.words[k].lo:st.words[k].hi]), prefix: st.prefix[k]}
	}
	if e.out = append(e.out, q); len(e.out) > maxSeqs {
		e.ok = false
	}
}

// closeWord ends the current word at a non-word character. It returns
// false when the branch cannot match (a match starts at a word, so it
// cannot start with a separator).
func (st *seqState) closeWord() bool {
	if st.start {
		return false
	}
	if st.inWord {
		st.words[st.n] = struct{ lo, hi int }{st.cur, st.nb}
		st.prefix[st.n] = st.frozen
		st.n++
		st.cur, st.frozen, st.inWord = st.nb, false, false
	}
	return true
}

func (st *seqState) addWordRune(r rune) {
	st.start, st.inWord = false, true
	if st.frozen {
		return
	}
	if st.nb-st.cur >= maxCur {
		st.frozen = true
		return
	}
	st.buf[st.nb] = byte(r)
	st.nb++
}

// freeze notes letters that are not known: the word goes on, but only its
// prefix so far is known.
func (st *seqState) freeze() {
	st.start, st.inWord, st.frozen = false, true, true
}

// seqStack is the nodes still to read, the next one first; branches share
// their tails.
type seqStack struct {
	re   *syntax.Regexp
	next *seqStack
}

// run enumerates the branches of re followed by rest, emitting a sequence
// where each branch stops.
func (e *seqEnum) run(rest *seqStack, re *syntax.Regexp, st seqState) {
	stack := &seqStack{re, rest}
	for e.ok {
		if e.steps++; e.steps > maxSeqSteps {
			e.ok = false
			return
		}
		if st.n >= seqWords || stack == nil {
			e.emit(&st)
			return
		}
		re, stack = stack.re, stack.next
		if re.Flags&syntax.FoldCase != 0 && (re.Op == syntax.OpLiteral || re.Op == syntax.OpCharClass) {
			e.emit(&st) // case folding: stop rather than reason about it
			return
		}
		switch re.Op {
		case syntax.OpLiteral:
			for _, r := range re.Rune {
				if isASCIIWordRune(r) {
					st.addWordRune(r)
					continue
				}
				if !st.closeWord() {
					return
				}
				if st.n >= seqWords {
					break
				}
			}
		case syntax.OpConcat:
			for i := len(re.Sub) - 1; i >= 0; i-- {
				stack = &seqStack{re.Sub[i], stack}
			}
		case syntax.OpCapture:
			stack = &seqStack{re.Sub[0], stack}
		case syntax.OpAlternate:
			for _, sub := range re.Sub {
				e.run(stack, sub, st)
			}
			return
		case syntax.OpQuest:
			e.skip(stack, st)
			stack = &seqStack{re.Sub[0], stack}
		case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
			kind := charKind(re.Sub[0])
			// None at all is a branch of its own, except for letters that
			// go on a word already begun: the word read as a prefix covers
			// both.
			if (re.Op == syntax.OpStar || re.Op == syntax.OpRepeat && re.Min == 0) && !(kind == kindWord && st.inWord) {
				e.skip(stack, st)
			}
			if re.Op == syntax.OpRepeat && re.Max == 0 || !e.read(kind, &st) {
				return
			}
		case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			if !e.read(charKind(re), &st) {
				return
			}
		case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpBeginLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		case syntax.OpEndText, syntax.OpEndLine:
			if st.inWord {
				st.closeWord()
			}
			e.emit(&st)
			return
		default:
			e.emit(&st)
			return
		}
	}
}

// skip goes on with what follows a node that matched nothing.
func (e *seqEnum) skip(stack *seqStack, st seqState) {
	if stack != nil {
		e.run(stack.next, stack.re, st)
	} else {
		e.emit(&st)
	}
}

// read reads characters of one kind: letters go on the word (as unknown
// ones), separators end it, a mix ends the sequence there. It returns
// false when the branch has ended.
func (e *seqEnum) read(kind seqCharKind, st *seqState) bool {
	switch kind {
	case kindWord:
		st.freeze()
		return true
	case kindSep:
		return st.closeWord()
	}
	e.emit(st)
	return false
}

type seqCharKind int

const (
	kindMixed seqCharKind = iota // letters and other characters
	kindWord                     // only word bytes ([0-9A-Za-z_])
	kindSep                      // only other characters
)

// charKind says what the characters an expression matches are, for the
// expressions that match one character or runs of one kind.
func charKind(re *syntax.Regexp) seqCharKind {
	switch re.Op {
	case syntax.OpLiteral:
		k := seqCharKind(-1)
		for _, r := range re.Rune {
			rk := kindSep
			if isASCIIWordRune(r) {
				rk = kindWord
			}
			if k >= 0 && k != rk {
				return kindMixed
			}
			k = rk
		}
		if k < 0 || re.Flags&syntax.FoldCase != 0 {
			return kindMixed
		}
		return k
	case syntax.OpCharClass:
		word, sep := false, false
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if lo <= 'z' && hi >= '0' && classHasWordRune(lo, hi) {
				word = true
			}
			if classHasOther(lo, hi) {
				sep = true
			}
		}
		switch {
		case word && !sep:
			return kindWord
		case sep && !word:
			return kindSep
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return charKind(re.Sub[0])
	case syntax.OpConcat, syntax.OpAlternate:
		k := seqCharKind(-1)
		for _, sub := range re.Sub {
			sk := charKind(sub)
			if sk == kindMixed || k >= 0 && k != sk {
				return kindMixed
			}
			k = sk
		}
		if k >= 0 {
			return k
		}
	}
	return kindMixed
}

// classHasWordRune reports whether [lo, hi] holds a word byte.
func classHasWordRune(lo, hi rune) bool {
	for _, r := range [][2]rune{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}} {
		if lo <= r[1] && hi >= r[0] {
			return true
		}
	}
	return false
}

// classHasOther reports whether [lo, hi] holds a character that is not a
// word byte.
func classHasOther(lo, hi rune) bool {
	for r := lo; r <= hi; r++ {
		if !isASCIIWordRune(r) {
			return true
		}
		if r > 'z' {
			return true
		}
	}
	return false
}
