package analyzer

import (
	"regexp/syntax"
	"strings"
	"sync"
)

// A prefilter rules a pattern out before any regular expression runs. For
// each token of a clause it keeps the set of word prefixes (up to
// prefixLen letters) one of which must start a word of any matching text;
// a text none of whose words start with one of them cannot match. Most
// drafts rule out most patterns this way, so the regular expressions run
// on few sentences.
const prefixLen = 5

// A prefix written with exactWord after it ("i$") stands for the whole
// word: "i" in "i am" is met by the word "i", not by "informatics". Short
// words (I, my, be, an …) start so many longer ones that as prefixes they
// let most sentences through. A word is exact where the expression puts a
// non-word character or the end right after it; tokenPrefixes answers
// maybeExact ("i?") for a word that ends its token, which the clause then
// makes exact or not by what follows the token.
const (
	exactWord  = "$"
	maybeExact = "?"
)

// tokenPrefixes returns the word prefixes a match of expr must contain, or
// ok=false when the token can match without one (optional, starts with
// punctuation, a character class …).
//
// With start set, the prefixes are those of the match's first word (for
// anchoring); otherwise of any word the match must contain (for filtering).
func tokenPrefixes(expr string, start bool) (set []string, ok bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, false
	}
	return prefixSet(re.Simplify(), start)
}

// prefixSet is tokenPrefixes on a parsed expression.
func prefixSet(re *syntax.Regexp, start bool) (set []string, ok bool) {
	seen := map[string]bool{}
	if !wordPrefixes(re, seen, start, follow{tail: true}) || len(seen) == 0 || len(seen) > 200 {
		return nil, false
	}
	for p := range seen {
		set = append(set, p)
	}
	return set, true
}

// literalPrefix adds the prefix of a literal's first word to out, marked
// as a whole word where the literal or what follows it (f) ends the word.
func literalPrefix(rs []rune, out map[string]bool, f follow) bool {
	p := strings.ToLower(literalWord(rs))
	if p == "" {
		return false
	}
	n := 0
	for n < len(rs) && isASCIIWordRune(rs[n]) {
		n++
	}
	if n <= prefixLen {
		switch {
		case n < len(rs) || f.nonWord:
			p += exactWord
		case f.tail:
			p += maybeExact
		}
	}
	out[p] = true
	return true
}

// maxSpread bounds the prefixes one literal may spread into.
const maxSpread = 48

// spreadLiteral is literalPrefix for a literal followed, in its
// concatenation, by rest (f follows the whole). The parser factors common
// beginnings out of alternations: "returned|reciprocated|repaid" becomes
// re(?:turned|ciprocated|paid), and "in tears|i cry" i(?:n tears| cry),
// whose "re" and "i" would let through every word that starts so. The
// literal is spread back over what follows ("retur", "recip", "repai";
// "in$", "i$") while it is shorter than a prefix, or it falls back to
// literalPrefix when that would make too many.
func spreadLiteral(rs []rune, rest []*syntax.Regexp, out map[string]bool, f follow) bool {
	set := map[string]bool{}
	if spreadInto(rs, rest, set, f, 0) && len(set) <= maxSpread {
		for p := range set {
			out[p] = true
		}
		return len(set) > 0
	}
	return literalPrefix(rs, out, followRest(rest, f))
}

// followRest is what follows an expression that rest follows (f follows
// rest).
func followRest(rest []*syntax.Regexp, f follow) follow {
	if len(rest) == 0 {
		return f
	}
	return follow{nonWord: startsNonWord(rest[0])}
}

// spreadInto adds to out the prefixes a match of rs followed by rest can
// start with (f follows rest), reading alternations, optional parts and
// small letter classes after rs as separate words; it stops spreading once
// the word reaches prefixLen letters or ends. False when a branch gives no
// prefix.
func spreadInto(rs []rune, rest []*syntax.Regexp, out map[string]bool, f follow, depth int) bool {
	n := 0
	for n < len(rs) && isASCIIWordRune(rs[n]) {
		n++
	}
	if n == 0 {
		return false
	}
	if n < len(rs) || n >= prefixLen || len(rest) == 0 || depth > 8 || len(out) > maxSpread {
		return literalPrefix(rs, out, followRest(rest, f))
	}
	next, after := rest[0], rest[1:]
	with := func(subs ...*syntax.Regexp) []*syntax.Regexp {
		return append(append([]*syntax.Regexp(nil), subs...), after...)
	}
	switch next.Op {
	case syntax.OpLiteral:
		if len(next.Rune) == 0 || !isASCIIWordRune(next.Rune[0]) {
			return literalPrefix(rs, out, followRest(rest, f))
		}
		return spreadInto(append(append([]rune(nil), rs...), next.Rune...), after, out, f, depth+1)
	case syntax.OpEmptyMatch:
		return spreadInto(rs, after, out, f, depth+1)
	case syntax.OpCapture:
		return spreadInto(rs, with(next.Sub[0]), out, f, depth+1)
	case syntax.OpConcat:
		return spreadInto(rs, with(next.Sub...), out, f, depth+1)
	case syntax.OpQuest:
		return spreadInto(rs, after, out, f, depth+1) && spreadInto(rs, with(next.Sub[0]), out, f, depth+1)
	case syntax.OpAlternate:
		for _, a := range next.Sub {
			if !spreadInto(rs, with(a), out, f, depth+1) {
				return false
			}
		}
		return true
	case syntax.OpCharClass:
		if classSize(next.Rune) <= 8 && !anyNonWordRune(next.Rune) {
			for i := 0; i+1 < len(next.Rune); i += 2 {
				for r := next.Rune[i]; r <= next.Rune[i+1]; r++ {
					if !spreadInto(append(append([]rune(nil), rs...), r), after, out, f, depth+1) {
						return false
					}
				}
			}
			return true
		}
	}
	return literalPrefix(rs, out, followRest(rest, f))
}

// anyNonWordRune reports whether a class (as rune ranges) holds anything
// but ASCII letters, digits and _.
func anyNonWordRune(rs []rune) bool {
	for i := 0; i+1 < len(rs); i += 2 {
		if classHasOther(rs[i], rs[i+1]) {
			return true
		}
	}
	return false
}

// follow is what comes after an expression within its token: a non-word
// character or the end of the text (nonWord), or the end of the token
// (tail), which the clause decides. Both false: it may be a word
// character.
type follow struct{ nonWord, tail bool }

// followOf is what follows subs[i] of a concatenation that f follows.
func followOf(subs []*syntax.Regexp, i int, f follow) follow {
	return followRest(subs[i+1:], f)
}

// startsNonWord reports whether every match of re starts with a non-word
// character (as the index splits words: anything but ASCII letters,
// digits and _) or is at the end of the text. It answers false when
// unsure.
func startsNonWord(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) > 0 && !isASCIIWordRune(re.Rune[0])
	case syntax.OpCharClass:
		return len(re.Rune) > 0 && !anyWordRune(re.Rune)
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return false
	case syntax.OpPlus, syntax.OpCapture:
		return startsNonWord(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min >= 1 && startsNonWord(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && startsNonWord(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !startsNonWord(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	case syntax.OpEndText, syntax.OpEndLine, syntax.OpWordBoundary:
		// After a word's last letter, \b means a non-word follows.
		return true
	}
	return false
}

// anyWordRune reports whether a class (as rune ranges) holds an ASCII
// letter, digit or _.
func anyWordRune(rs []rune) bool {
	for i := 0; i+1 < len(rs); i += 2 {
		if classHasWordRune(rs[i], rs[i+1]) {
			return true
		}
	}
	return false
}

func wordPrefixes(re *syntax.Regexp, out map[string]bool, start bool, f follow) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return literalPrefix(re.Rune, out, f)
	case syntax.OpConcat:
		// Elements that start the match or follow white space start a
		// word; so does one after an optional group that itself ends in
		// white space ("(?:rank )?list"). Of those, use the one whose
		// prefixes are longest (the most selective: "retur" rather than
		// "in" for "in return").
		if start {
			// An optional first word: the match starts with it or with
			// what follows ("(?:i )?lost" starts with "i" or "lost").
			if len(re.Sub) > 1 && isOptionalWord(re.Sub[0]) {
				// The optional word ends in a separator: a non-word follows it.
				return wordPrefixes(re.Sub[0].Sub[0], out, true, follow{nonWord: true}) &&
					wordPrefixes(re.Sub[1], out, true, followOf(re.Sub, 1, f))
			}
			if re.Sub[0].Op == syntax.OpLiteral {
				return spreadLiteral(re.Sub[0].Rune, re.Sub[1:], out, f)
			}
			return wordPrefixes(re.Sub[0], out, true, followOf(re.Sub, 0, f))
		}
		var best map[string]bool
		bestLen := -1
		boundary := true
		for i, sub := range re.Sub {
			if i > 0 {
				prev := re.Sub[i-1]
				boundary = isSeparator(prev) || boundary && isOptionalWord(prev)
			}
			if !boundary || isOptionalWord(sub) {
				continue
			}
			set := map[string]bool{}
			if sub.Op == syntax.OpLiteral {
				if !spreadLiteral(sub.Rune, re.Sub[i+1:], set, f) {
					continue
				}
			} else if !wordPrefixes(sub, set, false, followOf(re.Sub, i, f)) || len(set) == 0 {
				continue
			}
			min := prefixLen + 1
			for p := range set {
				if n := len(strings.TrimRight(p, exactWord+maybeExact)); n < min {
					min = n
				}
			}
			if min > bestLen {
				best, bestLen = set, min
			}
		}
		if best == nil {
			return false
		}
		for p := range best {
			out[p] = true
		}
		return true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !wordPrefixes(s, out, start, f) {
				return false
			}
		}
		return true
	case syntax.OpCapture:
		return wordPrefixes(re.Sub[0], out, start, f)
	case syntax.OpPlus:
		// What follows a repeat may be the repeat again.
		return wordPrefixes(re.Sub[0], out, start, follow{})
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return wordPrefixes(re.Sub[0], out, start, follow{})
		}
	case syntax.OpCharClass:
		// A class of letters only, such as [ea] or [sz]: each letter is a prefix.
		if n := classSize(re.Rune); n > 0 && n <= 8 {
			for i := 0; i < len(re.Rune); i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					if !isASCIIWordRune(r) {
						return false
					}
					out[strings.ToLower(string(r))] = true
				}
			}
			return true
		}
	}
	return false
}

// isOptionalWord reports whether re is an optional group every branch of
// which ends in a separator: "(?:rank |final )?".
func isOptionalWord(re *syntax.Regexp) bool {
	if re.Op != syntax.OpQuest {
		return false
	}
	return endsWithSeparator(re.Sub[0])
}

func endsWithSeparator(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpConcat:
		return len(re.Sub) > 0 && isSeparator(re.Sub[len(re.Sub)-1])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !endsWithSeparator(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	case syntax.OpCapture:
		return endsWithSeparator(re.Sub[0])
	}
	return isSeparator(re)
}

// isSeparator reports whether re matches only runs of white space or
// other non-word characters, so whatever follows it starts a word.
func isSeparator(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpPlus:
		return isSeparator(re.Sub[0])
	case syntax.OpCharClass:
		return len(re.Rune) > 0 && !anyWordRune(re.Rune)
	}
	return false
}

func classSize(r []rune) int {
	n := 0
	for i := 0; i+1 < len(r); i += 2 {
		n += int(r[i+1]-r[i]) + 1
	}
	return n
}

func isASCIIWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
}

// literalWord returns the leading word characters of a literal, at most
// prefixLen of them; "" when it starts with anything else.
func literalWord(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		if !isASCIIWordRune(r) || b.Len() == prefixLen {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}

// prefixIDs numbers every word prefix that some pattern needs or starts
// with. Texts are indexed against it once, so the prefilter itself is
// array lookups.
type prefixIDs map[uint64]int32

// pkey packs a prefix of at most prefixLen bytes into a map key; a
// whole word (exactWord after it) has bit 48 set as well.
func pkey(p string) uint64 {
	var exact uint64
	if strings.HasSuffix(p, exactWord) {
		p, exact = p[:len(p)-1], 1<<48
	}
	k := uint64(0)
	for i := 0; i < len(p); i++ {
		k = k<<8 | uint64(p[i])
	}
	return exact | uint64(len(p))<<40 | k
}

// ids returns the ids of a prefix set, numbering new prefixes.
func (p prefixIDs) ids(set []string) []int32 {
	out := make([]int32, len(set))
	for i, s := range set {
		k := pkey(s)
		id, ok := p[k]
		if !ok {
			id = int32(len(p))
			p[k] = id
		}
		out[i] = id
	}
	return out
}

const subjectBit = 63

func sentenceBit(i int) uint64 {
	if i >= subjectBit {
		return 1 << subjectBit
	}
	return 1 << uint(i)
}

// word is a word of an indexed text: where it starts in its sentence and
// the ids of its prefixes (-1 for prefixes no pattern knows).
type word struct {
	start int
	end   int                  // just past its last byte
	ids   [prefixLen + 1]int32 // by length; the last: the whole word, when it is that short
	sig   uint64               // idSig of its ids: a word whose sig misses a set's has none of them
}

// idSig folds prefix ids into one word: bit id%64 for each. Two id sets
// whose sigs do not meet share no id; when they meet, the ids decide.
func idSig(ids []int32) uint64 {
	var s uint64
	for _, id := range ids {
		if id >= 0 {
			s |= 1 << (uint(id) & 63)
		}
	}
	return s
}

// docIndex says which sentences contain each known prefix (bit i for
// sentence i, bit 63 for the subject and sentences past the 62nd), and
// keeps each sentence's words for anchoring.
type docIndex struct {
	masks []uint64 // by prefix id
	words [][]word // by sentence; the subject last

	set []int32 // the ids whose mask is not zero, to clear them for reuse
	buf []word  // backing array of words

	// needs memoizes sentencesWith by need set number; needKnown says
	// which entries are set (cleared on release).
	needs     []uint64
	needKnown []uint64
}

// prefixTrie is prefixIDs as a trie over word bytes, for indexing texts:
// a word is read one byte at a time and left as soon as no known prefix
// goes on with its next byte (most words, after a letter or two).
type prefixTrie struct {
	next  [][trieFanout]int32 // by node: the child for each byte class, 0 for none
	id    []int32             // by node: the prefix id it ends, or -1
	exact []int32             // by node: the id of the whole word it spells, or -1
	n     int                 // the number of ids
	sets  int                 // the number of need sets (needSet.n)

	// free keeps indexes released after a check: a new one would clear a
	// mask of every id (13 KB with the built-in rules) for each draft.
	free sync.Pool
}

const trieFanout = 37 // a-z, 0-9, _

func trieClass(c byte) int {
	switch {
	case c >= 'a' && c <= 'z':
		return int(c - 'a')
	case c >= '0' && c <= '9':
		return 26 + int(c-'0')
	case c == '_':
		return 36
	}
	return -1
}

// trie builds the trie of p (node 0 is the empty prefix); sets is the
// number of need sets its documents memoize (patternCompiler.sets).
func (p prefixIDs) trie(sets int) *prefixTrie {
	t := &prefixTrie{next: make([][trieFanout]int32, 1, len(p)+1), id: []int32{-1}, exact: []int32{-1}, n: len(p), sets: sets}
	for key, id := range p {
		n := int(key>>40) & 0xff
		node := int32(0)
		ok := true
		for k := n - 1; k >= 0; k-- {
			c := trieClass(byte(key >> (8 * uint(k))))
			if c < 0 {
				ok = false // a prefix no word can start with (an upper-case letter)
				break
			}
			if t.next[node][c] == 0 {
				t.next = append(t.next, [trieFanout]int32{})
				t.id = append(t.id, -1)
				t.exact = append(t.exact, -1)
				t.next[node][c] = int32(len(t.next) - 1)
			}
			node = t.next[node][c]
		}
		switch {
		case !ok:
		case key&(1<<48) != 0:
			t.exact[node] = id
		default:
			t.id[node] = id
		}
	}
	return t
}

// index indexes lower (its sentences sents, and the subject). The index
// may be given back with release once nothing reads it any more.
func (t *prefixTrie) index(lower string, sents []span, subject string) *docIndex {
	ix, _ := t.free.Get().(*docIndex)
	if ix == nil {
		ix = &docIndex{masks: make([]uint64, t.n), needs: make([]uint64, t.sets), needKnown: make([]uint64, (t.sets+63)/64)}
	}
	if cap(ix.buf) == 0 {
		ix.buf = make([]word, 0, (len(lower)+len(subject))/6+1) // about one word in six bytes
	}
	add := func(s string, bit uint64) {
		from := len(ix.buf)
		i := 0
		for i < len(s) {
			for i < len(s) && !isWordByte(s[i]) {
				i++
			}
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			if i == j {
				break
			}
			w := word{start: i, end: j, ids: [prefixLen + 1]int32{-1, -1, -1, -1, -1, -1}}
			node := int32(0)
			k := i
			for ; k < j && k-i < prefixLen; k++ {
				c := trieClass(s[k])
				if c < 0 {
					break
				}
				if node = t.next[node][c]; node == 0 {
					break
				}
				if id := t.id[node]; id >= 0 {
					w.ids[k-i] = id
					if ix.masks[id] == 0 {
						ix.set = append(ix.set, id)
					}
					ix.masks[id] |= bit
				}
			}
			if k == j && node != 0 {
				if id := t.exact[node]; id >= 0 {
					w.ids[prefixLen] = id
					if ix.masks[id] == 0 {
						ix.set = append(ix.set, id)
					}
					ix.masks[id] |= bit
				}
			}
			w.sig = idSig(w.ids[:])
			ix.buf = append(ix.buf, w)
			i = j
		}
		// A sentence's words stay where they are when buf grows: a
		// new array takes the later ones.
		ix.words = append(ix.words, ix.buf[from:len(ix.buf):len(ix.buf)])
	}
	for n, sp := range sents {
		add(lower[sp.start:sp.end], sentenceBit(n))
	}
	add(subject, 1<<subjectBit)
	return ix
}

// release gives ix back for reuse; the caller must not read it again.
func (t *prefixTrie) release(ix *docIndex) {
	for _, id := range ix.set {
		ix.masks[id] = 0
	}
	clear(ix.needKnown)
	ix.set, ix.buf, ix.words = ix.set[:0], ix.buf[:0], ix.words[:0]
	t.free.Put(ix)
}

// sentencesWith returns the sentences in which one of the prefixes starts
// a word.
func (ix *docIndex) sentencesWith(set []int32) uint64 {
	var m uint64
	for _, id := range set {
		m |= ix.masks[id]
	}
	return m
}

// sentencesNeed is sentencesWith for a numbered need set, worked out once
// per document. The set must come from the compiler that built the trie
// (its number is below the trie's sets).
func (ix *docIndex) sentencesNeed(ns needSet) uint64 {
	w, bit := ns.n>>6, uint64(1)<<(uint(ns.n)&63)
	if ix.needKnown[w]&bit != 0 {
		return ix.needs[ns.n]
	}
	m := ix.sentencesWith(ns.ids)
	ix.needs[ns.n] = m
	ix.needKnown[w] |= bit
	return m
}

// sentenceWords returns the words of sentence n, or of the subject when n
// is -1.
func (ix *docIndex) sentenceWords(n int) []word {
	if n < 0 || n >= len(ix.words)-1 {
		return ix.words[len(ix.words)-1]
	}
	return ix.words[n]
}

// wordCount is the number of words in the indexed text, subject excluded.
func (ix *docIndex) wordCount() int {
	n := 0
	for _, ws := range ix.words[:len(ix.words)-1] {
		n += len(ws)
	}
	return n
}
