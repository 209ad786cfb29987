package analyzer

// The classifier's phrase matcher. Regular expressions over whole messages
// are too slow for the classifier's budget (thousands of messages a second,
// hundreds of patterns), and they read sentences as characters where the
// classifier cares about words. So text is cut once into lower-case words
// that know their sentence and clause, and the phrase patterns of
// classify/*.toml are matched against the words through an index.
//
// A phrase is segments separated by "~N", which lets up to N other words
// stand between two segments. A segment lists alternatives with "|"; an
// alternative is one or more adjacent words; a word ending in "*" matches
// any word beginning with it. Matches never cross a clause (commas, colons
// and sentence ends cut clauses). Examples:
//
//	invite|invitation ~3 interview*
//	select|choose|sign up ~3 date|dates|time|slot*
//	let us know|tell us ~4 your ~2 rank list
//	whether ~3 {program} ~2 is ~2 where ~3 you ~3 intend
//
// {program} matches where the text names any configured program
// (markProgramNames), so phrases need not spell out the corpus's names.
//
// The tokenizer drops apostrophes ("don't" is "dont", "we're" is "were",
// "it's" is "its") and a possessive "'s" ("St. Brendan's" is "st
// brendan"), and splits on hyphens and slashes ("pre-match" is "pre
// match", "H-1B" is "h 1b").

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clToken is one word of a text.
type clToken struct {
	w      string // lower-case, apostrophes removed
	s, e   int    // byte offsets in the source text
	sent   int32  // sentence number
	clause int32  // clause number (sentences are cut further at commas)
	id     int32  // exact vocabulary id, -1 when the word is in no phrase
}

// clDoc is a tokenized text with its postings for one vocabulary.
type clDoc struct {
	src  string
	toks []clToken
	// post[id] lists token positions for a vocabulary id (exact words and
	// prefixes share the id space); has holds a bit for each id whose list
	// is not empty, so a phrase is ruled out without touching the lists.
	post [][]int32
	has  []uint64
	// The phrases whose gate words the text holds (clVocab.gate), worked
	// out on the first find from the ids present.
	v       *clVocab
	present []int32
	cand    []uint64
	// prog marks the tokens that begin a program's name (markProgramNames):
	// the vocabulary word {program} matches there. nil when none.
	prog []bool
	// needHas holds a bit for each need set (clVocab.needSet) a word of
	// which d holds, worked out on the first hasNeed from the ids present
	// (for the sets numbered when the vocabulary was indexed,
	// clVocab.needsOf); needReady says it is.
	needHas   []uint64
	needReady bool
}

// hasNeed reports whether d holds a word of need set n (clVocab.needSet).
func (d *clDoc) hasNeed(n int32) bool {
	if !d.needReady {
		d.buildNeeds()
	}
	if int(n) < d.v.needIndexed { // (needHas covers the indexed sets)
		return d.needHas[n>>6]&(1<<(uint(n)&63)) != 0
	}
	for _, id := range d.v.needIDs[n] {
		if d.hasID(id) {
			return true
		}
	}
	return false
}

// buildNeeds sets a bit in needHas for every need set of every id present.
func (d *clDoc) buildNeeds() {
	d.needReady = true
	clear(d.needHas)
	for _, id := range d.present {
		if int(id) >= len(d.v.needsOf) {
			continue
		}
		for _, n := range d.v.needsOf[id] {
			d.needHas[n>>6] |= 1 << (uint(n) & 63)
		}
	}
}

// matchWord reports whether phrase word w matches token j.
func (d *clDoc) matchWord(w *clWord, j int) bool {
	if w.match(&d.toks[j]) {
		return true
	}
	return d.prog != nil && d.prog[j] && w.prefix == "" && d.v != nil && w.id == d.v.progID
}

// candidate reports whether phrase p's gate words occur in d.
func (d *clDoc) candidate(p *clPhrase) bool {
	c := d.candidates()
	return c == nil || clBit(c, p.idx)
}

// candidates returns the bit set, by clPhrase.idx, of the phrases whose
// gate words d holds; nil when d is not gated, and every phrase may match.
// A phrase numbered beyond the set was compiled after the gating and may
// match too (clBit).
func (d *clDoc) candidates() []uint64 {
	if d.v == nil || d.v.gated == nil || d.post == nil {
		return nil
	}
	if d.cand == nil {
		d.cand = make([]uint64, (d.v.nPhrases+63)/64)
		for _, id := range d.present {
			if int(id) >= len(d.v.gated) {
				continue
			}
			for _, pi := range d.v.gated[id] {
				d.cand[pi>>6] |= 1 << (uint(pi) & 63)
			}
		}
	}
	return d.cand
}

// clBit reports whether bit i of set is on, or i lies beyond the set.
func clBit(set []uint64, i int32) bool {
	return int(i>>6) >= len(set) || set[i>>6]&(1<<(uint(i)&63)) != 0
}

func (d *clDoc) hasID(id int32) bool {
	return int(id>>6) < len(d.has) && d.has[id>>6]&(1<<(uint(id)&63)) != 0
}

// clVocab gives ids to every exact word and prefix used by the phrases.
type clVocab struct {
	exact    map[string]int32
	prefix   map[string]int32
	prefLens []int // distinct prefix lengths, ascending
	n        int32
	trie     []clTrieNode // built by buildTrie once every phrase is compiled
	odd      []string     // prefixes the trie cannot hold (non-ASCII)
	// gated lists, by vocabulary id, the phrases (by clPhrase.idx) one of
	// whose gate words it is: a phrase can match only in a text holding
	// one of its gate words.
	gated    [][]int32
	nPhrases int32
	// progID is the id of the word {program}, which stands for any
	// program's name; -1 until the classifier's rules define it.
	progID int32
	// common marks the ids of words most texts hold, a poor gate.
	common map[int32]bool
	// needIDs lists the id sets of needSet by number; needKeys finds a
	// set's number.
	needIDs  [][]int32
	needKeys idSets
	// needsOf lists, by word id, the need sets holding it, for the first
	// needIndexed sets (indexNeeds); a set numbered later is tested word
	// by word.
	needsOf     [][]int32
	needIndexed int
}

// indexNeeds builds needsOf for the need sets numbered so far.
func (v *clVocab) indexNeeds() {
	v.needsOf = make([][]int32, v.n)
	for n, ids := range v.needIDs {
		for _, id := range ids {
			v.needsOf[id] = append(v.needsOf[id], int32(n))
		}
	}
	v.needIndexed = len(v.needIDs)
}

// needSet returns the number of the set of word ids ids (in any order;
// the same set gets the same number).
func (v *clVocab) needSet(ids []int32) int32 {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	n, isNew := v.needKeys.number(sorted)
	if isNew {
		v.needIDs = append(v.needIDs, sorted)
	}
	return n
}

// clCommonWords are words nearly every message holds.
var clCommonWords = []string{
	"you", "your", "we", "us", "our", "i", "me", "my", "the", "a", "an", "to", "of", "for", "in", "on", "at", "is", "are", "be",
	"will", "would", "can", "could", "please", "thank", "thanks", "it", "this", "that", "and", "or", "with", "have", "has", "if",
	"not", "do", "as", "all", "any", "so", "was", "from", "by", "about", "let", "know",
}

func newCLVocab() *clVocab {
	v := &clVocab{exact: map[string]int32{}, prefix: map[string]int32{}, progID: -1, common: map[int32]bool{}}
	for _, w := range clCommonWords {
		v.common[v.exactID(w)] = true
	}
	return v
}

func (v *clVocab) exactID(w string) int32 {
	if id, ok := v.exact[w]; ok {
		return id
	}
	v.exact[w] = v.n
	v.n++
	return v.n - 1
}

func (v *clVocab) prefixID(p string) int32 {
	if id, ok := v.prefix[p]; ok {
		return id
	}
	v.prefix[p] = v.n
	v.n++
	seen := false
	for _, l := range v.prefLens {
		if l == len(p) {
			seen = true
		}
	}
	if !seen {
		v.prefLens = append(v.prefLens, len(p))
		for i := len(v.prefLens) - 1; i > 0 && v.prefLens[i] < v.prefLens[i-1]; i-- {
			v.prefLens[i], v.prefLens[i-1] = v.prefLens[i-1], v.prefLens[i]
		}
	}
	return v.n - 1
}

// clWord is one word of a phrase alternative: an exact word or a prefix.
type clWord struct {
	id     int32  // vocabulary id (exact or prefix)
	prefix string // "" for an exact word
}

func (w *clWord) match(t *clToken) bool {
	if w.prefix == "" {
		return t.id == w.id
	}
	return strings.HasPrefix(t.w, w.prefix)
}

// clSeg is one segment of a phrase: alternatives, each a run of adjacent
// words, that may follow the previous segment after up to gap other words.
type clSeg struct {
	alts  [][]clWord
	gap   int
	first []int32 // the alternatives' first-word ids, each once
}

// clPhrase is a compiled phrase.
type clPhrase struct {
	src  string
	segs []clSeg
	idx  int32 // in its vocabulary's phrase numbering (clVocab.gated)
	// needs numbers, for each segment after the first, the set of its
	// first-word ids (clVocab.needSet): find rules out a phrase missing a
	// segment without walking the segments, and a set many phrases share
	// is looked up once per text (clDoc.hasNeed).
	needs []int32
	// first0 holds the first word id of each of the first segment's
	// alternatives, side by side, so find tests them without touching
	// the alternatives themselves.
	first0 []int32
}

// compileCLPhrase compiles a phrase into v's id space. A phrase is
// segments separated by "~N"; a segment is alternatives separated by "|";
// an alternative is one or more words.
func compileCLPhrase(v *clVocab, src string) (*clPhrase, error) {
	p := &clPhrase{src: src}
	gap := 0
	var cur []string // words of the segment being read, with "|" kept
	flush := func() error {
		if len(cur) == 0 {
			return fmt.Errorf("phrase %q: empty segment", src)
		}
		seg := clSeg{gap: gap}
		for _, alt := range strings.Split(strings.Join(cur, " "), "|") {
			var ws []clWord
			for _, f := range strings.Fields(alt) {
				f = strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(f, "'", ""), "’", ""))
				if f == "*" || f == "" {
					return fmt.Errorf("phrase %q: empty word", src)
				}
				if strings.HasSuffix(f, "*") {
					stem := strings.TrimSuffix(f, "*")
					ws = append(ws, clWord{id: v.prefixID(stem), prefix: stem})
				} else {
					ws = append(ws, clWord{id: v.exactID(f)})
				}
			}
			if len(ws) == 0 {
				return fmt.Errorf("phrase %q: empty alternative", src)
			}
			seg.alts = append(seg.alts, ws)
			if !slices.Contains(seg.first, ws[0].id) {
				seg.first = append(seg.first, ws[0].id)
			}
		}
		p.segs = append(p.segs, seg)
		cur = cur[:0]
		return nil
	}
	for _, f := range strings.Fields(src) {
		if f[0] == '~' {
			n := 0
			if _, err := fmt.Sscanf(f[1:], "%d", &n); err != nil || n < 0 || n > 12 {
				return nil, fmt.Errorf("phrase %q: bad gap %q (want ~0 … ~12)", src, f)
			}
			if err := flush(); err != nil {
				return nil, err
			}
			gap = n
			continue
		}
		cur = append(cur, f)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	for _, alt := range p.segs[0].alts {
		p.first0 = append(p.first0, alt[0].id)
	}
	for _, sg := range p.segs[1:] {
		p.needs = append(p.needs, v.needSet(sg.first))
	}
	v.gate(p)
	return p, nil
}

// gate numbers p and files it under the first words of its most selective
// segment (the one with the fewest): every segment needs one of its first
// words in the text, so a text with none of these cannot hold p.
func (v *clVocab) gate(p *clPhrase) {
	p.idx = v.nPhrases
	v.nPhrases++
	// The segment whose first words are rarest: a common word ("you",
	// "we") would make nearly every text a candidate.
	cost := func(ids []int32) int {
		c := 0
		for _, id := range ids {
			c++
			if v.common[id] {
				c += 50
			}
		}
		return c
	}
	g := p.segs[0].first
	for _, s := range p.segs[1:] {
		if cost(s.first) < cost(g) {
			g = s.first
		}
	}
	for int32(len(v.gated)) < v.n {
		v.gated = append(v.gated, nil)
	}
	for _, id := range g {
		v.gated[id] = append(v.gated[id], p.idx)
	}
}

// clSpan is a match: tokens [from, to].
type clSpan struct{ from, to int }

// find returns the earliest match of p in d accepted by keep (nil: all).
func (p *clPhrase) find(d *clDoc, keep clKeeper) (clSpan, bool) {
	best := clSpan{-1, -1}
	if d.post == nil {
		// A short text without postings: try every token.
		for pos := range d.toks {
			for _, alt := range p.segs[0].alts {
				if sp, ok := p.at(d, pos, alt, keep); ok {
					return sp, true
				}
			}
		}
		return best, false
	}
	// Most phrases fail for want of a word: every segment needs one
	// alternative whose first word occurs at all.
	if !d.candidate(p) {
		return best, false
	}
	for _, n := range p.needs {
		if !d.hasNeed(n) {
			return best, false
		}
	}
	for ai, id := range p.first0 {
		if !d.hasID(id) {
			continue
		}
		alt := p.segs[0].alts[ai]
		for _, pos := range d.post[id] {
			if best.from >= 0 && int(pos) >= best.from {
				break
			}
			if sp, ok := p.at(d, int(pos), alt, keep); ok {
				best = sp
				break
			}
		}
	}
	return best, best.from >= 0
}

// clKeeper decides whether a match counts (negation, vetoes).
type clKeeper interface {
	keep(d *clDoc, sp clSpan) bool
}

// at matches p with its first segment's alternative alt at token pos.
func (p *clPhrase) at(d *clDoc, pos int, alt []clWord, keep clKeeper) (clSpan, bool) {
	e, ok := matchCLRun(d, pos, alt)
	if !ok {
		return clSpan{}, false
	}
	end, ok := p.extend(d, e, 1)
	if !ok {
		return clSpan{}, false
	}
	sp := clSpan{pos, end}
	if keep != nil && !keep.keep(d, sp) {
		return clSpan{}, false
	}
	return sp, true
}

// matchCLRun matches the words of alt at tokens i, i+1, … within one
// clause and returns the last token's index.
func matchCLRun(d *clDoc, i int, alt []clWord) (int, bool) {
	cl := d.toks[i].clause
	for k := range alt {
		j := i + k
		if j >= len(d.toks) || d.toks[j].clause != cl || !d.matchWord(&alt[k], j) {
			return 0, false
		}
	}
	return i + len(alt) - 1, true
}

// extend matches segs[k:] after token i, within token i's clause.
func (p *clPhrase) extend(d *clDoc, i, k int) (int, bool) {
	if k == len(p.segs) {
		return i, true
	}
	s := &p.segs[k]
	cl := d.toks[i].clause
	for j := i + 1; j <= i+1+s.gap && j < len(d.toks); j++ {
		if d.toks[j].clause != cl {
			break
		}
		for _, alt := range s.alts {
			if e, ok := matchCLRun(d, j, alt); ok {
				if end, ok := p.extend(d, e, k+1); ok {
					return end, true
				}
			}
		}
	}
	return 0, false
}

// clScratch holds a document's postings between uses, so classifying a
// message does not clear a table the size of the vocabulary each time.
type clScratch struct {
	post    [][]int32
	has     []uint64
	touched []int32
	toks    []clToken
	needHas []uint64 // clDoc.needHas's storage
}

func (s *clScratch) reset() {
	for _, id := range s.touched {
		s.post[id] = s.post[id][:0]
		s.has[id>>6] &^= 1 << (uint(id) & 63)
	}
	s.touched = s.touched[:0]
}

// tokenizeCL cuts src into words. With a scratch it builds postings for v
// in it (the document is valid until the scratch's next reset); without
// one, phrases are matched by trying every token, which suits short texts.
func tokenizeCL(v *clVocab, src string, sc *clScratch) *clDoc {
	d := &clDoc{src: src}
	if sc != nil {
		d.toks = sc.toks[:0]
	} else {
		d.toks = make([]clToken, 0, len(src)/6+4)
	}
	var sent, clause int32
	var buf []byte
	asideEnd := 0 // the closing comma of an aside found at its opening one
	i := 0
	n := len(src)
	newlines := 0
	for i < n {
		c := src[i]
		// Non-word characters: breaks.
		if c < utf8.RuneSelf && !isCLWordByte(c) {
			switch c {
			case '\n':
				newlines++
				if newlines >= 2 {
					sent, clause = sent+1, clause+1
					newlines = 0
				} else if clShortLine(src, i) {
					// A short line ends its sentence: a form's "Date:
					// Tuesday, December 1" line, a list item, a greeting.
					// Wrapped prose runs to the margin.
					sent, clause = sent+1, clause+1
				}
			case '!', '?', ';':
				sent, clause = sent+1, clause+1
			case ',':
				// A comma inside a date ("Tuesday, December 1, 2026") does
				// not cut the clause; nor do the commas around a short aside
				// ("seeing you, virtually at least, this Thursday").
				switch {
				case len(d.toks) > 0 && clInDate(d.toks[len(d.toks)-1].w):
				case asideEnd >= i:
				case clAside(src, i) > 0:
					asideEnd = clAside(src, i)
				default:
					clause++
				}
			case ':':
				// A time ("your 10:45 panel") is one phrase, not two clauses;
				// nor does a label that opens its sentence ("Reminder: your
				// interview tomorrow") stand apart from what it labels.
				if !(i > 0 && i+1 < n && clIsDigit(src[i-1]) && clIsDigit(src[i+1])) && !clOpeningLabel(d.toks, sent) {
					clause++
				}
			case '(', ')', '"', '[', ']', '|', '*':
				clause++
			case '.':
				// Leader dots join a form's label to its value
				// ("Resident dinner ........ 2026-12-09"): one line, two
				// clauses, as a colon would make them.
				if e := clLeaderDots(src, i); e > i {
					clause++
					i = e
					newlines = 0
					continue
				}
				// A closing quote or bracket may stand between the period
				// and the space: 'says "meeting, Nov 30." That is …'.
				j := i + 1
				if j < n && (src[j] == '"' || src[j] == '\'' || src[j] == ')') {
					j++
				} else if strings.HasPrefix(src[j:], "\u201d") || strings.HasPrefix(src[j:], "\u2019") {
					j += 3
				}
				if j >= n || src[j] == ' ' || src[j] == '\n' || src[j] == '\r' || src[j] == '\t' {
					if len(d.toks) == 0 || !clAbbrev(d.toks[len(d.toks)-1].w) || d.toks[len(d.toks)-1].w == "no" && clWordFollows(src, j) {
						// ("No. We never ask …" is an answer; "No. 1" a number.)
						sent, clause = sent+1, clause+1
					}
				}
			}
			if c != '\n' && c != '\r' && c != ' ' && c != '\t' {
				newlines = 0
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, sz := utf8.DecodeRuneInString(src[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				if r == '\u2022' || r == '\u2013' || r == '\u2014' || r == '\u00a0' {
					if r != '\u00a0' {
						clause++
					}
				}
				i += sz
				continue
			}
		}
		// A word: letters and digits, with apostrophes inside.
		start := i
		buf = buf[:0]
		plain := true
		for i < n {
			c := src[i]
			if c < utf8.RuneSelf {
				if isCLWordByte(c) {
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
						plain = false
					}
					buf = append(buf, c)
					i++
					continue
				}
				if c == '\'' && i+1 < n && isCLWordByte(src[i+1]) && len(buf) > 0 {
					plain = false
					i++
					if (src[i] == 's' || src[i] == 'S') && (i+1 >= n || !isCLWordByte(src[i+1])) && !clContractsIs(buf) {
						i++ // possessive 's
					}
					continue
				}
				break
			}
			r, sz := utf8.DecodeRuneInString(src[i:])
			if r == '\u2019' && i+sz < n && isCLWordByte(src[i+sz]) && len(buf) > 0 {
				plain = false
				i += sz
				if (src[i] == 's' || src[i] == 'S') && (i+1 >= n || !isCLWordByte(src[i+1])) && !clContractsIs(buf) {
					i++
				}
				continue
			}
			// (a mark inside a word is part of it: Bengali, Hindi and
			// other Indic scripts write most vowels as marks, "আমরা")
			if unicode.IsLetter(r) || unicode.IsDigit(r) || len(buf) > 0 && unicode.IsMark(r) {
				lr := unicode.ToLower(r)
				if lr != r {
					plain = false
				}
				buf = utf8.AppendRune(buf, lr)
				i += sz
				continue
			}
			break
		}
		var w string
		if plain {
			w = src[start:i]
		} else {
			w = string(buf)
		}
		newlines = 0
		d.toks = append(d.toks, clToken{w: w, s: start, e: i, sent: sent, clause: clause, id: -1})
	}
	// Vocabulary ids, and postings when there is a scratch.
	if sc != nil {
		sc.toks = d.toks
		if len(sc.post) < int(v.n) {
			sc.post = make([][]int32, v.n)
			sc.has = make([]uint64, (v.n+63)/64)
		}
		d.post, d.has = sc.post, sc.has
	}
	for k := range d.toks {
		t := &d.toks[k]
		w := t.w
		// (A single letter before a full stop may be an initial: "R.")
		if len(w) <= 5 && clTextSpeakFirst[w[0]] {
			if a, ok := clTextSpeak[w]; ok && d.src[t.s:t.e] == w && (len(w) > 1 || t.e >= len(d.src) || d.src[t.e] != '.') {
				w = a // "where r we on ur list": "where are we on your list"
			}
		}
		if id, ok := v.exact[w]; ok {
			t.id = id
			if sc != nil {
				sc.addPost(id, k)
			}
		}
		if sc == nil {
			continue
		}
		if v.trie == nil {
			for _, l := range v.prefLens {
				if l > len(t.w) {
					break
				}
				if id, ok := v.prefix[t.w[:l]]; ok {
					sc.addPost(id, k)
				}
			}
			continue
		}
		n := int32(0)
		for i := 0; i < len(t.w); i++ {
			ci := clTrieIndex(t.w[i])
			if ci < 0 {
				break
			}
			n = v.trie[n].child[ci]
			if n == 0 {
				break
			}
			if id := v.trie[n].prefix; id >= 0 {
				sc.addPost(id, k)
			}
		}
		for _, p := range v.odd {
			if strings.HasPrefix(t.w, p) {
				sc.addPost(v.prefix[p], k)
			}
		}
	}
	if sc != nil {
		d.v, d.present = v, sc.touched
		if n := (v.needIndexed + 63) / 64; len(sc.needHas) < n {
			sc.needHas = make([]uint64, n)
		}
		d.needHas = sc.needHas[:(v.needIndexed+63)/64]
	}
	return d
}

func (s *clScratch) addPost(id int32, pos int) {
	if len(s.post[id]) == 0 {
		s.touched = append(s.touched, id)
		s.has[id>>6] |= 1 << (uint(id) & 63)
	}
	s.post[id] = append(s.post[id], int32(pos))
}

// clInDate reports whether a comma after w may sit inside a date.
func clInDate(w string) bool {
	return w != "" && (w[0] >= '0' && w[0] <= '9' || clWeekday(w) != 0)
}

func isCLWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// clWordFollows reports whether, after spaces from i, a letter begins a
// word.
func clWordFollows(src string, i int) bool {
	for i < len(src) && (src[i] == ' ' || src[i] == '\n' || src[i] == '\r' || src[i] == '\t') {
		i++
	}
	return i < len(src) && ('a' <= src[i] && src[i] <= 'z' || 'A' <= src[i] && src[i] <= 'Z')
}

// clAbbrev reports whether a period after w does not end a sentence.
func clAbbrev(w string) bool {
	switch w {
	case "dr", "st", "mr", "ms", "mrs", "prof", "jan", "feb", "mar", "apr", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
		"thurs", "fri", "sat", "sun", "a", "p", "m", "vs", "etc", "e", "g", "i", "no",
		"u", "s", "jr", "sr", "md", "inc":
		return true
	}
	return false
}

// excerpt returns the source text of a span, shortened for evidence.
func (d *clDoc) excerpt(sp clSpan) string {
	s := d.src[d.toks[sp.from].s:d.toks[sp.to].e]
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

// clTrieNode is a node of the prefix trie: children by letter or digit.
type clTrieNode struct {
	child  [36]int32 // 0: none
	prefix int32     // prefix id ending here, -1 when none
}

func clTrieIndex(c byte) int {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a')
	case '0' <= c && c <= '9':
		return 26 + int(c-'0')
	}
	return -1
}

// buildTrie indexes the vocabulary's prefixes, so a word's prefixes are
// found in one walk instead of one map lookup per prefix length.
func (v *clVocab) buildTrie() {
	v.trie = []clTrieNode{{prefix: -1}}
	for p, id := range v.prefix {
		n := 0
		ok := true
		for i := 0; i < len(p); i++ {
			k := clTrieIndex(p[i])
			if k < 0 {
				ok = false
				break
			}
			if v.trie[n].child[k] == 0 {
				v.trie = append(v.trie, clTrieNode{prefix: -1})
				v.trie[n].child[k] = int32(len(v.trie) - 1)
			}
			n = int(v.trie[n].child[k])
		}
		if ok {
			v.trie[n].prefix = id
		} else {
			v.odd = append(v.odd, p)
		}
	}
}

// clShortLine reports whether the line break at src[nl] ('\n') ends a
// line of a form or a list rather than a wrapped line of prose: the line
// is short and holds words, or the next line is indented or a list item.
func clShortLine(src string, nl int) bool {
	lo := strings.LastIndexByte(src[:nl], '\n') + 1
	line := strings.TrimSpace(src[lo:nl])
	if line != "" && len(line) < 40 {
		return true
	}
	if nl+1 < len(src) {
		switch src[nl+1] {
		case ' ', '\t':
			// An indented line is a field or a table row, unless it
			// carries on a long wrapped line in lower case (a list item
			// wrapped at the margin: "…where else you interviewed,\n  or
			// whether…").
			rest := strings.TrimLeft(src[nl+1:], " \t")
			if len(line) >= 60 && rest != "" && rest[0] >= 'a' && rest[0] <= 'z' && !strings.HasSuffix(line, ":") {
				return false
			}
			return !dashAside(line, rest)
		case '-':
			return !dashAside(line, src[nl+1:])
		case '*':
			return true
		}
		if strings.HasPrefix(src[nl+1:], "\u2022") {
			return true
		}
		// A row of a table or list ("Group 2 (your group) Monday,
		// December 14, 2026 Online") ends well short of the margin, and
		// the next row starts anew.
		if c := src[nl+1]; len(line) < 56 && (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && !strings.HasSuffix(line, ",") {
			return true
		}
	}
	return false
}

// clTextSpeak reads the short forms of texting as the words phrases are
// written in; only in lower case and not before a period ("U.S.").
var clTextSpeak = map[string]string{
	"u": "you", "ur": "your", "urs": "yours", "r": "are", "pls": "please", "plz": "please", "thx": "thanks",
	"bc": "because", "abt": "about", "w": "with", "wud": "would", "cud": "could", "shud": "should",
	"b4": "before", "tmrw": "tomorrow", "tmr": "tomorrow", "2moro": "tomorrow", "yr": "your",
}

// clTextSpeakFirst marks the first bytes of clTextSpeak's words (all five
// bytes or shorter), so most words skip the map.
var clTextSpeakFirst = firstBytes(clTextSpeak)

// clAside returns the offset of the comma that closes a short aside
// opened by the comma at src[i] (one to three words, then a comma and
// more words in the same sentence: ", virtually at least, this
// Thursday"), or 0. A list ("Monday, Tuesday, Wednesday") is no aside:
// its items do not start with a lower-case adverb or preposition.
func clAside(src string, i int) int {
	words := 0
	j := i + 1
	first := ""
	for j < len(src) && j < i+40 {
		c := src[j]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			j++
		case c == ',':
			if words == 0 || words > 3 || !clAsideWord[first] {
				return 0
			}
			// More words must follow in the sentence.
			k := j + 1
			for k < len(src) && (src[k] == ' ' || src[k] == '\n' || src[k] == '\r') {
				k++
			}
			if k < len(src) && isCLWordByte(src[k]) {
				return j
			}
			return 0
		case isCLWordByte(c):
			s := j
			for j < len(src) && isCLWordByte(src[j]) {
				j++
			}
			if words == 0 {
				first = src[s:j]
			}
			words++
		default:
			return 0
		}
	}
	return 0
}

// clAsideWord are the words an aside between commas opens with.
var clAsideWord = map[string]bool{
	"virtually": true, "at": true, "in": true, "of": true, "by": true, "for": true, "as": true, "if": true,
	"once": true, "again": true, "perhaps": true, "hopefully": true, "finally": true, "too": true,
	"also": true, "then": true, "still": true, "now": true, "honestly": true, "frankly": true,
	"personally": true, "naturally": true, "certainly": true, "really": true, "truly": true,
	"all": true, "both": true, "either": true, "remotely": true, "online": true, "physically": true,
}

// clOpeningLabel reports whether the last token of toks is a label word
// that opens sentence sent on its own ("Reminder: your interview tomorrow").
func clOpeningLabel(toks []clToken, sent int32) bool {
	k := len(toks)
	if k == 0 || toks[k-1].sent != sent || k >= 2 && toks[k-2].sent == sent {
		return false
	}
	switch toks[k-1].w {
	case "reminder", "reminders":
		return true
	}
	return false
}

// clContractsIs reports whether word, before "'s", is a pronoun or an
// adverb whose "'s" is "is" (or "us"): "it's" is "its", "there's" is
// "theres", "let's" is "lets" — as they are typed without the
// apostrophe — not a possessive.
func clContractsIs(word []byte) bool {
	switch string(word) {
	case "it", "that", "there", "here", "she", "he", "what", "who", "where", "let":
		return true
	}
	return false
}

// clLeaderDots returns the end of the leader dots starting at src[i] (a
// run of five or more, or of three or more after a space, with a value
// after it on the same line), or i when they are not leaders.
func clLeaderDots(src string, i int) int {
	if i > 0 && src[i-1] == '.' {
		return i
	}
	e := i
	for e < len(src) && src[e] == '.' {
		e++
	}
	if n := e - i; n < 3 || n < 5 && (i == 0 || src[i-1] != ' ' && src[i-1] != '\t') {
		return i
	}
	k := e
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k == len(src) || src[k] == '\n' || src[k] == '\r' {
		return i
	}
	return e
}
