package analyzer

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/matchguard/matchguard/config"
)

// ---- names: programs and their people -------------------------------------

// nameIndex finds program names and contact names in text by plain
// substring search (names are literals; regular expressions here cost more
// than all the phrase rules together).
type nameIndex struct {
	progs []progNames
	all   []nameLit // every name, for masking sketches
	marks []nameLit // every program name, generic ones too, for markPrograms
	// byFirst buckets all by the lower-cased first byte, longest first.
	byFirst map[byte][]nameLit

	// lits is every distinct literal of marks and progs' names, found in
	// one pass over a text (scan): byByte buckets those that start with a
	// word byte by that byte lower-cased, longest first; odd holds the
	// others, searched for one by one.
	lits   []nameLit
	litID  map[nameLit]int32
	isMark []bool
	// words holds every word of every program's names and key, and of the
	// applicant's name (lower case): a name made of them is no stranger.
	words  map[string]bool
	byByte [256][]int32
	odd    []int32
}

type progNames struct {
	key      string
	names    []nameLit // institution, aliases, unique program name
	nameIDs  []int32   // names' ids in nameIndex.lits
	people   []person
	display  string
	surnames []string
}

// nameLit is a name as searched for: lower-cased, unless it is an acronym
// or short name that must match case-sensitively ("MSU", not "msu").
type nameLit struct {
	lit   string
	exact bool
}

type person struct {
	first, last string // as written in the config
}

func newNameIndex(cfg *config.Config) *nameIndex {
	ix := &nameIndex{words: map[string]bool{}}
	for _, w := range strings.Fields(strings.ToLower(cfg.Applicant.Name)) {
		ix.words[w] = true
	}
	// A program's generic name ("Clinical Informatics Fellowship") is shared
	// by several programs and says nothing about which one is meant.
	count := map[string]int{}
	for i := range cfg.Programs {
		count[strings.ToLower(cfg.Programs[i].Name)]++
	}
	for i := range cfg.Programs {
		p := &cfg.Programs[i]
		pn := progNames{key: p.Key, display: programName(p)}
		for _, n := range append([]string{p.Institution, p.Name, p.Key}, p.Aliases...) {
			for _, w := range strings.Fields(strings.ToLower(n)) {
				ix.words[strings.Trim(w, `'’.,()`)] = true
			}
		}
		cands := append([]string{p.Institution}, p.Aliases...)
		if p.Name != "" && count[strings.ToLower(p.Name)] == 1 && !genericProgramName(p.Name) {
			cands = append(cands, p.Name)
		}
		for _, n := range cands {
			n = strings.Join(strings.Fields(n), " ")
			if len(n) < 2 {
				continue
			}
			for _, v := range nameVariants(n) {
				pn.names = append(pn.names, v)
				ix.all = append(ix.all, v)
			}
		}
		for _, n := range p.Names() {
			ix.marks = append(ix.marks, nameVariants(strings.Join(strings.Fields(n), " "))...)
		}
		for _, ct := range p.Contacts {
			f := strings.Fields(ct.Name)
			if len(f) == 0 || len(f[len(f)-1]) < 3 {
				continue
			}
			first, last := f[0], f[len(f)-1]
			pn.surnames = append(pn.surnames, last)
			pn.people = append(pn.people, person{first, last})
			ix.all = append(ix.all, nameLit{last, true}, nameLit{first, true})
		}
		ix.progs = append(ix.progs, pn)
	}
	// Longest first, so masking replaces "Harbor Valley Health" whole.
	sort.SliceStable(ix.all, func(i, j int) bool { return len(ix.all[i].lit) > len(ix.all[j].lit) })
	sort.SliceStable(ix.marks, func(i, j int) bool { return len(ix.marks[i].lit) > len(ix.marks[j].lit) })
	ix.litID = map[nameLit]int32{}
	for _, n := range ix.marks {
		ix.isMark[ix.lit(n)] = true
	}
	for i := range ix.progs {
		for _, n := range ix.progs[i].names {
			ix.progs[i].nameIDs = append(ix.progs[i].nameIDs, ix.lit(n))
		}
	}
	order := make([]int32, len(ix.lits))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(i, j int) bool { return len(ix.lits[order[i]].lit) > len(ix.lits[order[j]].lit) })
	for _, id := range order {
		c := ix.lits[id].lit[0]
		if !isWordByte(c) {
			ix.odd = append(ix.odd, id)
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		ix.byByte[c] = append(ix.byByte[c], id)
	}
	ix.byFirst = map[byte][]nameLit{}
	for _, n := range ix.all {
		c := n.lit[0]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		ix.byFirst[c] = append(ix.byFirst[c], n)
	}
	return ix
}

// lit returns the id of a literal, numbering it when new.
func (ix *nameIndex) lit(n nameLit) int32 {
	if id, ok := ix.litID[n]; ok {
		return id
	}
	id := int32(len(ix.lits))
	ix.litID[n] = id
	ix.lits = append(ix.lits, n)
	ix.isMark = append(ix.isMark, false)
	return id
}

// nameHit is a whole-word occurrence of a name literal in a text.
type nameHit struct {
	lit        int32
	start, end int
}

// nameHits are the names found in one text.
type nameHits struct {
	hits    []nameHit
	present []bool // by literal id
}

func (h *nameHits) has(id int32) bool { return h.present != nil && h.present[id] }

// scan finds every whole-word occurrence of every name literal in text
// (lower is asciiLower(text)) in one pass over its words: only the
// literals that start with a word's first letter are tried there.
func (ix *nameIndex) scan(text, lower string) nameHits {
	var h nameHits
	add := func(id int32, k, e int) {
		if h.present == nil {
			h.present = make([]bool, len(ix.lits))
		}
		h.present[id] = true
		h.hits = append(h.hits, nameHit{id, k, e})
	}
	for k := 0; k < len(lower); k++ {
		c := lower[k]
		if !isWordByte(c) || k > 0 && isWordByte(lower[k-1]) {
			continue
		}
		for _, id := range ix.byByte[c] {
			n := ix.lits[id]
			hay := lower
			if n.exact {
				hay = text
			}
			if e, ok := matchSpaced(hay, k, n.lit); ok && (e == len(hay) || !isWordByte(hay[e])) {
				add(id, k, e)
			}
		}
	}
	for _, id := range ix.odd {
		n := ix.lits[id]
		hay := lower
		if n.exact {
			hay = text
		}
		for i := 0; ; {
			loc := findName(hay, n.lit, i)
			if loc == nil {
				break
			}
			add(id, loc[0], loc[1])
			i = loc[0] + 1
		}
	}
	return h
}

// programMark is the letter program names are overwritten with in the text
// the phrase rules read, so that {program} in a pattern is the short
// expression "qq+" instead of an alternation of every name.
const programMark = 'q'

// markPrograms returns lower with every program name found in it (hits,
// from scan) overwritten by programMark letters, byte for byte (offsets
// are kept).
func (ix *nameIndex) markPrograms(lower string, hits nameHits) string {
	var b []byte
	for _, h := range hits.hits {
		if !ix.isMark[h.lit] {
			continue
		}
		if b == nil {
			b = []byte(lower)
		}
		for j := h.start; j < h.end; j++ {
			b[j] = programMark
		}
	}
	if b == nil {
		return lower
	}
	return string(b)
}

// nameVariants spells a name the ways mail writes it: straight and curly
// apostrophes, "St." and "St".
func nameVariants(n string) []nameLit {
	exact := n == strings.ToUpper(n) || len(n) <= 4
	base := n
	if !exact {
		base = strings.ToLower(n)
	}
	seen := map[string]bool{}
	var out []nameLit
	for _, v := range []string{base, strings.ReplaceAll(base, "'", "’"), strings.ReplaceAll(base, "’", "'")} {
		for _, w := range []string{v, strings.Replace(v, "st. ", "st ", 1), strings.Replace(v, "St. ", "St ", 1)} {
			if !seen[w] {
				seen[w] = true
				out = append(out, nameLit{w, exact})
			}
		}
	}
	return out
}

// find returns the first whole-word occurrence of the literal in text
// (lower is text lower-cased by asciiLower), or nil. A space in the name
// matches any run of white space, so a name broken across lines of a
// hard-wrapped message is still found.
func (n nameLit) find(text, lower string) []int {
	hay := lower
	if n.exact {
		hay = text
	}
	return findName(hay, n.lit, 0)
}

// findName finds lit in hay from offset from, as a whole word, a space in
// lit matching one or more white-space bytes in hay.
func findName(hay, lit string, from int) []int {
	first := lit
	if k := strings.IndexByte(lit, ' '); k >= 0 {
		first = lit[:k]
	}
	for i := from; i < len(hay); {
		k := strings.Index(hay[i:], first)
		if k < 0 {
			return nil
		}
		k += i
		i = k + 1
		if k > 0 && isWordByte(hay[k-1]) {
			continue
		}
		e, ok := matchSpaced(hay, k, lit)
		if ok && (e == len(hay) || !isWordByte(hay[e])) {
			return []int{k, e}
		}
	}
	return nil
}

// matchSpaced matches lit at hay[at:], a space in lit standing for a run
// of white space; it returns the end of the match.
func matchSpaced(hay string, at int, lit string) (int, bool) {
	j := at
	for i := 0; i < len(lit); i++ {
		if lit[i] == ' ' {
			if j >= len(hay) || !isSpaceByte(hay[j]) {
				return 0, false
			}
			for j < len(hay) && isSpaceByte(hay[j]) {
				j++
			}
			continue
		}
		if j >= len(hay) || hay[j] != lit[i] {
			return 0, false
		}
		j++
	}
	return j, true
}

var titles = []string{"dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."}

// find returns the first mention of the person: the surname after a title
// or the first name ("Dr. Okafor", "Samuel Okafor").
func (p person) find(text string) []int {
	for i := 0; ; {
		k := strings.Index(text[i:], p.last)
		if k < 0 {
			return nil
		}
		k += i
		e := k + len(p.last)
		i = k + 1
		if k > 0 && isWordByte(text[k-1]) || e < len(text) && isWordByte(text[e]) {
			continue
		}
		before := strings.TrimRight(text[:k], " \t\n")
		if strings.HasSuffix(before, p.first) {
			return []int{len(before) - len(p.first), e}
		}
		lb := strings.ToLower(before)
		for _, t := range titles {
			if strings.HasSuffix(lb, t) && (len(lb) == len(t) || !isWordByte(lb[len(lb)-len(t)-1])) {
				return []int{len(before) - len(t), e}
			}
		}
	}
}

func genericProgramName(n string) bool {
	l := strings.ToLower(n)
	if !strings.Contains(l, "fellowship") || strings.ContainsAny(n, "'’") || len(strings.Fields(n)) > 4 {
		return false
	}
	// "Applied Clinical Informatics Fellowship" is one program's own;
	// "Clinical Informatics Fellowship" names the field.
	for _, w := range strings.Fields(l) {
		if !genericFieldWords[w] {
			return false
		}
	}
	return true
}

// genericFieldWords are the words of a field's name ("Clinical Informatics
// Fellowship"), which many programs share.
var genericFieldWords = map[string]bool{
	"clinical": true, "informatics": true, "fellowship": true, "medical": true, "health": true, "biomedical": true,
	"research": true, "data": true, "science": true, "pediatric": true, "pediatrics": true, "internal": true, "medicine": true,
	"and": true, "in": true, "of": true,
}

// mask replaces every program and contact name with one token, so that a
// letter with the names swapped sketches the same.
func (ix *nameIndex) mask(s string) string {
	lower := asciiLower(s)
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if i > 0 && isWordByte(s[i-1]) || !isWordByte(s[i]) {
			i++
			continue
		}
		n := 0
		for _, nl := range ix.byFirst[lower[i]] {
			hay := lower
			if nl.exact {
				hay = s
			}
			if strings.HasPrefix(hay[i:], nl.lit) && (i+len(nl.lit) == len(s) || !isWordByte(s[i+len(nl.lit)])) {
				n = len(nl.lit)
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString("name")
		i += n
		last = i
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// ---- placeholder ------------------------------------------------------------

type slotFinder struct {
	words    map[string]bool
	starters map[string]bool // first words of a lower-case slot: "[specific topic …]"
	notes    []string        // words of a note to oneself anywhere in it: "[NICU project - check name]"
}

func newSlotFinder(words, starters, notes []string) *slotFinder {
	f := &slotFinder{words: map[string]bool{}, starters: map[string]bool{}}
	for _, n := range notes {
		f.notes = append(f.notes, strings.ToLower(n))
	}
	for _, w := range words {
		f.words[strings.ToLower(w)] = true
	}
	for _, w := range starters {
		f.starters[strings.ToLower(w)] = true
	}
	return f
}

var (
	reBracket       = regexp.MustCompile(`\[([^\[\]\n]{1,160}(?:\n[^\[\]\n]{1,160})?)\]`) // a slot may wrap once
	reCodeTalk      = regexp.MustCompile(`\b(?:such as|fields? like|tokens? like|variables? like|e\.g\.|syntax|jinja|handlebars|mustache|liquid)\b|\b(?:template|merge|ehr|report|form|database|sql|json|api) (?:field|variable|token|tag|parameter|column|key)s?\s*$`)
	reURLHost       = regexp.MustCompile(`https?://([a-z0-9.-]+)`)
	reTitleTBD      = regexp.MustCompile(`\b(?:Dr|Prof|Mr|Ms|Mrs)\.? (?:TBD|TBA|TBC)\b`)
	reFileName      = regexp.MustCompile(`(?i)\.(?:pdf|docx?|rtf|txt|odt|xlsx?|csv|pptx?|jpe?g|png|gif|heic|zip)$`)
	reAngle         = regexp.MustCompile(`<<?\s*([A-Za-z][A-Za-z0-9 _/'.-]{0,80}?)\s*>>?`)
	reBraces        = regexp.MustCompile(`\{\{\s*[^{}\n]{1,40}?\s*\}\}|\{[A-Za-z][A-Za-z0-9_ .-]{0,30}\}`)
	rePercent       = regexp.MustCompile(`%[A-Z][A-Z0-9_]{1,30}%|\$\{[A-Za-z_]{2,30}\}`)
	reSnakeSlot     = regexp.MustCompile(`\b[A-Z]{2,}(?:_[A-Z]{2,})+\b`)
	reXXX           = regexp.MustCompile(`\b(?:XXX+|xxx+)\b|\bXX/|/XX\b|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?) XX\b`)
	reBlank         = regexp.MustCompile(`_{3,}|\.{5,}\s*[,:]`)
	reParen         = regexp.MustCompile(`\(([A-Za-z][A-Za-z /'-]{1,40})\)`)
	reInsert        = regexp.MustCompile(`\bINSERT\b|(?i)\binsert (?:\w+ ){0,3}(?:program|name|institution|school|date|here)\b|(?i)\((?:insert|add|enter|fill in|mention|include|put)\b[^)\n]{1,60}\)`)
	reNoteToSelf    = regexp.MustCompile(`(?i)\bbefore sending\b|\btbd\b|\btodo\b|\bto-do\b|\bfill (?:in|this)\b|\badd\b.{0,40}\bhere\b|\bcheck\b.{0,30}\bbefore\b|\bupdate\b.{0,30}\bbefore\b`)
	reGuillemetSlot = regexp.MustCompile(`«([^«»\n]{1,40})»`)
	reDoubleSlot    = regexp.MustCompile(`<<[^<>\n]{1,60}>>|\[\[[^\[\]\n]{1,60}\]\]`)
	reEmptyDear     = regexp.MustCompile(`(?im)^\s*dear\s+(?:dr|prof|mr|mrs|ms|professor|doctor)\.?\s*[,:]`)
	reDearSlot      = regexp.MustCompile(`(?i)\bdear\s+(?:dr|prof|mr|mrs|ms)\.?\s+(last\s*name|lastname|surname|family\s+name|name|full\s+name|program\s+director|pd|interviewer)\b`)
	reSlashChoice   = regexp.MustCompile(`^[A-Z][\w.-]{0,15}(?: ?/ ?[A-Z][\w.-]{0,15})+$`) // "[J-1/H-1B]", not "[she/her]" or "[mmol/mol]"
	reCitation      = regexp.MustCompile(`^[\d\s,;–\-]+$|^(?:sic|ibid|sic\.|\.\.\.|…|emphasis (?:mine|added)|edited|redacted|sic!)$`)
	reSlotOf        = regexp.MustCompile(`^(\w+(?: \w+)?) (?:of|for|del|de|da|do|du|des|dos|das|di|della) (?:the |your |my |his |her |la |el |los |las |le |les )?\w+`) // "[Nombre del programa]" too
	reFilledNumber  = regexp.MustCompile(`\d{4,}`)                                                                                                                      // "[AAMC ID 14839201]": filled in
	reHTMLTag       = regexp.MustCompile(`^/?(?:br|p|div|span|b|i|u|a|img|hr|li|ul|ol|table|tr|td|html|body|head)\b`)
	reWordSplit     = regexp.MustCompile(`[A-Za-z]+`)
)

// reTokenTalk follows a template token she talks about: "printed a raw
// {{patient_name}} token whenever…", or a list of them: "it has
// {{patient_name}}, {{weight_percentile}} and {{last_visit}} fields".
var reTokenTalk = regexp.MustCompile(`^(?:\s*(?:,|and|or)?\s*(?:\{\{[^{}]{1,40}\}\}|<<[^<>]{1,40}>>|\[[^\[\]]{1,40}\]))*\s*(?:token|tag|variable|placeholder|field|merge field|string|macro)s?\b`)

// reAssistantNote is a writing assistant's line to its user left in a
// letter.
var reAssistantNote = regexp.MustCompile(`(?im)^[ \t>*_]*(?:(?:sure|certainly|absolutely|of course)[!,.]\s+)?here(?:'s|’s| is) (?:a |an |the |your )?(?:\w+ ){0,3}(?:version|draft|rewrite|revision)(?: of (?:your|the) (?:\w+ )?(?:email|e-mail|letter|message|note|draft)\s*[:.!]?|\s*:[ \t]*$)|^[ \t]*\*\*subject:?\*\*|^[ \t]*(?:let me know|feel free to let me know) if you(?:'d| would)? (?:like|want) (?:me to )?(?:\w+ ){0,3}(?:version|tone|shorter|longer|more formal|less formal)\b[^\n]*`)

// slotHeads are the last words of a lower-case slot that names what is to
// be filled in: "[resident name]", "[program website]", "[pd email]".
var slotHeads = map[string]bool{
	"name": true, "names": true, "website": true, "url": true, "link": true, "date": true, "email": true,
	"address": true, "title": true, "webpage": true, "page": true, "surname": true,
	// blind set ku: "your group's work on [research area]"
	"area": true, "topic": true, "project": true, "specialty": true,
}

// isSlot reports whether the words inside brackets are a template slot:
// slot words ("Name", "Institution", "date"), an instruction ("insert …",
// "e.g. …", "your name here"), Title-Case words most of which are slot
// words, or a short lower-case phrase that ends in what is to be filled in
// ("[resident name]"). A citation ("1", "3-5"), "sic" or another phrase in
// ordinary lower case is not.
func (f *slotFinder) isSlot(inner string, strict bool) bool {
	s := strings.Join(strings.Fields(inner), " ") // a slot wrapped across lines is one
	l := strings.ToLower(s)
	if s == "" || reCitation.MatchString(l) || reFilledNumber.MatchString(s) {
		return false
	}
	// "[NICU project - check name in notes]": a note to oneself.
	if !strict && strings.Count(l, " ") >= 1 {
		for _, n := range f.notes {
			if k := cueAt(l, n, 0); k >= 0 && (k+len(n) == len(l) || !isWordByte(l[k+len(n)])) {
				return true
			}
		}
	}
	// "[name of the CMIO]", "[date of interview]": a slot word with what it
	// stands for.
	if m := reSlotOf.FindStringSubmatch(l); m != nil && f.words[m[1]] {
		return true
	}
	// "[J-1/H-1B]", "[his/her]": a choice left for later.
	if !strict && reSlashChoice.MatchString(s) {
		return true
	}
	if strings.Contains(l, "e.g.") || strings.HasPrefix(l, "insert") || strings.HasPrefix(l, "your ") || strings.HasPrefix(l, "add ") || strings.HasPrefix(l, "enter ") {
		return true
	}
	if f.words[l] {
		return true
	}
	// "[Program Director's Last Name]": the possessive is no word of its own.
	words := reWordSplit.FindAllString(strings.NewReplacer("'s", "", "’s", "").Replace(s), -1)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	// "[specific topic from the interview]", "[mention a project]",
	// "[specific program feature - CDS?]": an instruction to the writer,
	// its first word in lower case.
	if !strict && len(words) >= 2 && f.starters[words[0]] && strings.HasPrefix(s, words[0]) && !slices.ContainsFunc(words, func(w string) bool { return readerNotes[w] }) {
		return true
	}
	// "[resident name]", "[program website]": a thing's name, link or date
	// to be looked up, in lower case.
	// "[Fellow's name]", in sentence case, too.
	if !strict && len(words) <= 3 && (s == l || s[1:] == l[1:]) && slotHeads[strings.ToLower(words[len(words)-1])] {
		return true
	}
	// "[topic we discussed]", "[date of our call]": a slot word first, then
	// what it stands for, all in lower case: a note to fill in.
	if !strict && s == l && len(words) >= 2 && len(words) <= 6 && noteSlotHeads[words[0]] && !filledValues[words[1]] && !slices.ContainsFunc(words, func(w string) bool { return readerNotes[w] }) {
		return true
	}
	// "[Chief Resident name]": a role in title case, then the slot word in
	// lower case.
	if last := words[len(words)-1]; !strict && len(words) >= 2 && len(words) <= 4 && slotHeads[last] && strings.ToLower(last) == last && unicode.IsUpper(rune(words[0][0])) {
		return true
	}
	slot, title, filled := 0, 0, false
	for i, w := range words {
		lw := strings.ToLower(w)
		if f.words[lw] || (i+1 < len(words) && f.words[lw+" "+strings.ToLower(words[i+1])]) {
			slot++
		} else if filledValues[lw] {
			filled = true
		}
		if unicode.IsUpper(rune(w[0])) {
			title++
		}
	}
	if strict {
		return slot == len(words)
	}
	switch {
	case slot == 0:
		return false
	case title == len(words): // [Program Director Last Name], [Institution]
		// ("[Eastern Time]", "[December Date]": a value written in, not a slot)
		return slot*2 >= len(words) && !filled
	case strings.ContainsAny(s, "/|"): // [current role/institution]
		return true
	}
	return slot == len(words) // [date], [program name]
}

// noteSlotHeads begin a lower-case note to fill in ("[topic we discussed]");
// not "[project summary](…)", a link's text.
var noteSlotHeads = map[string]bool{
	"topic": true, "name": true, "date": true, "title": true, "program": true, "programme": true, "institution": true,
	"hospital": true, "specialty": true, "interviewer": true, "recipient": true, "day": true, "time": true,
	"position": true, "role": true, "feature": true, "detail": true, "details": true, "something": true, "insert": true,
}

// readerNotes are words of a note to the reader, not a slot ("[link
// below]", "[abstract available on request]").
var readerNotes = map[string]bool{
	"below": true, "above": true, "attached": true, "available": true, "enclosed": true, "here": true, "follows": true,
	"following": true, "inline": true, "removed": true, "redacted": true, "omitted": true, "sic": true, "request": true, "upon": true,
}

// filledValues are words that make a bracket's slot word a value she
// wrote in: a zone, a month, a weekday ("[Eastern Time]").
var filledValues = map[string]bool{
	"eastern": true, "central": true, "pacific": true, "mountain": true, "atlantic": true, "gmt": true, "utc": true,
	"est": true, "cst": true, "pst": true, "mst": true, "edt": true, "cdt": true, "pdt": true, "mdt": true, "ist": true, "bst": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// quotedReport reports whether text[s:e] stands inside a quotation that
// she reports as something seen or read: a reminder that "read, word for
// word, \"Pt [NAME] overdue for labs\"" shows a system's unfilled field,
// not one of hers.
func quotedReport(text string, s, e int) bool {
	open := -1
	for i := s - 1; i >= 0 && i >= s-200; i-- {
		if text[i] == '\n' && i > 0 && text[i-1] == '\n' {
			break
		}
		if text[i] == '"' || strings.HasPrefix(text[i:], "“") {
			open = i
			break
		}
		if strings.HasPrefix(text[i:], "”") {
			return false
		}
	}
	if open < 0 {
		return false
	}
	rest := text[e:min(len(text), e+200)]
	end := strings.IndexAny(rest, "\"”")
	if end < 0 {
		return false
	}
	// A quotation that is the slot alone ("titled \"[Title]\"") is her
	// own blank, unless she says it was read or seen somewhere
	// ("instruction fields that literally read “XXX” or “[enter dose]”", "the
	// greeting came through as “[Applicant First Name]”").
	before := tail(strings.ToLower(text[:open]), 60)
	if strings.TrimLeft(text[open:s], "\"“ ") == "" && strings.TrimSpace(rest[:end]) == "" {
		return reSeenWritten.MatchString(before)
	}
	return reReported.MatchString(before)
}

// inCodeBlock reports whether offset i of text lies in code she shows:
// an indented line (four spaces or a tab, as mail and Markdown set code
// apart) in a text that also holds a template's statement tags ("{%").
func inCodeBlock(text string, i int) bool {
	if !strings.Contains(text, "{%") && !reCodeContext.MatchString(strings.ToLower(text)) {
		return false
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	line := text[start:]
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	// an indented line, or a line of SQL ("WHERE patient_id = {patient_id}")
	return strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") || reCodeLine.MatchString(line)
}

// reCodeContext is a letter that talks about templates or code: "rendered
// from a template like this one", "named parameters", "the query".
var reCodeContext = regexp.MustCompile(`\b(?:template|templates|jinja|handlebars|mustache|parameters?|parameterized|quer(?:y|ies)|sql|rendered|renders?|bind|binds|bound|markers?|snippet|code sample|pseudo-?code)\b`)

// reCodeLine is a line of code: SQL keywords, or an assignment to a slot.
var reCodeLine = regexp.MustCompile(`^\s*(?:SELECT|FROM|WHERE|AND|OR|INSERT|UPDATE|SET|VALUES|JOIN|ORDER BY|GROUP BY|LIMIT)\b|[=<>]\s*\{|\(\s*\{`)

// inInlineCode reports whether text[s:e] stands between backticks in its
// paragraph (Markdown's inline code: "`Allergies: {{allergies}}`").
func inInlineCode(text string, s, e int) bool {
	if !strings.Contains(text, "`") {
		return false
	}
	start := strings.LastIndex(text[:s], "\n\n") + 1
	end := strings.Index(text[e:], "\n\n")
	if end < 0 {
		end = len(text)
	} else {
		end += e
	}
	return strings.Count(text[start:s], "`")%2 == 1 && strings.Contains(text[e:end], "`")
}

// reReported ends the words before a quotation of something she saw or
// read.
// reSeenWritten ends the words before a quotation of text she saw
// written somewhere (lower case).
var reSeenWritten = regexp.MustCompile(`\b(?:read|reads|said|says|displayed|displays|showed|shows|word for word|verbatim|literally|the words|the phrase|the line|the text|(?:came|comes|come) (?:through|out|across) as|(?:showed|shows|turned|turns) up as|(?:appeared|appears|arrived|arrives|went out|goes out|rendered|renders|printed|prints) as)(?:\s+(?:either|just|only|simply))?\W*$|\b(?:read|reads|said|says|literally)\s+(?:\S+\s+){0,6}or\W*$`)

var reReported = regexp.MustCompile(`\b(?:as|the words|the phrase|read|reads|said|says|saying|displayed|displays|showed|shows|word for word|verbatim|text|message|alert|reminder|banner|template|prompt|pop-?up|notification|such as|like|e\.g\.|addressed|addressed to|greeted|greeting|opened with|opening|headed|titled|labell?ed|literal|literally|started with|starting with|began with|beginning with|went out as|printed|printing)\W*$`)

func (c *checkCtx) placeholder(r *rule) {
	type hit struct {
		field      string
		start, end int
		text       string
	}
	var hits []hit
	scan := func(field, text string) {
		add := func(s, e int) {
			// "a line looked like `Allergies: {{allergies}}`": code she
			// shows, set in backticks.
			if inInlineCode(text, s, e) {
				return
			}
			hits = append(hits, hit{field, s, e, text[s:e]})
		}
		if text == "" {
			return
		}
		for _, m := range findIf(reBracket, text, "[") {
			// "alerts[i]", `row["id"]`: indexing in code, not a slot.
			if m[0] > 0 && (isWordByte(text[m[0]-1]) || text[m[0]-1] == ']' || text[m[0]-1] == ')') || strings.ContainsAny(text[m[2]:min(m[2]+1, len(text))], "\"'") {
				continue
			}
			if quotedReport(text, m[0], m[1]) {
				continue
			}
			// "[x] ECFMG certification - complete", "[ ] J-1 paperwork": a
			// checklist's boxes at the start of a line.
			if inner := strings.TrimSpace(text[m[2]:m[3]]); (inner == "" || inner == "x" || inner == "X" || inner == "✓" || inner == "✔") &&
				strings.TrimLeft(text[strings.LastIndexByte(text[:m[0]], '\n')+1:m[0]], " \t-*•") == "" {
				continue
			}
			if inner := text[m[2]:m[3]]; c.e.slots.isSlot(inner, false) || reNoteToSelf.MatchString(inner) {
				add(m[0], m[1])
			}
		}
		// «LastName»: a word processor's merge field.
		if strings.Contains(text, "«") {
			for _, m := range reGuillemetSlot.FindAllStringSubmatchIndex(text, -1) {
				if c.e.slots.isSlot(splitCamel(text[m[2]:m[3]]), false) {
					add(m[0], m[1])
				}
			}
		}
		for _, m := range findIf(reAngle, text, "<") {
			inner := text[m[2]:m[3]]
			if strings.ContainsAny(inner, "@:") || reHTMLTag.MatchString(strings.ToLower(inner)) || quotedReport(text, m[0], m[1]) {
				continue
			}
			// "<<Rahman_Amina_CV_Jan2027.pdf>>": a mail client's mark for an
			// attached file, not a slot.
			if reFileName.MatchString(inner) {
				continue
			}
			if c.e.slots.isSlot(inner, false) {
				add(m[0], m[1])
			}
		}
		braces := findIf(reBraces, text, "{")
		// "?patient={id}", "/users/{id}": a path or query, not a slot; the
		// same name elsewhere in the text ("with {id} filled in") is that
		// code talked about.
		code := map[string]bool{}
		for _, m := range braces {
			if m[0] > 0 && strings.ContainsRune("=/?&:", rune(text[m[0]-1])) || inCodeBlock(text, m[0]) {
				code[text[m[0]:m[1]]] = true
			}
		}
		for _, m := range braces {
			// "fields such as {{ patient.name }}": template code described.
			if code[text[m[0]:m[1]]] || reCodeTalk.MatchString(tail(strings.ToLower(text[:m[0]]), 60)) || reTokenTalk.MatchString(strings.ToLower(text[m[1]:min(m[1]+120, len(text))])) ||
				quotedReport(text, m[0], m[1]) || inCodeBlock(text, m[0]) {
				continue
			}
			if inner := strings.Trim(text[m[0]:m[1]], "{} "); strings.HasPrefix(text[m[0]:], "{{") || strings.Contains(inner, "_") || c.e.slots.isSlot(inner, false) || c.e.slots.isSlot(splitCamel(inner), false) {
				add(m[0], m[1])
			}
		}
		// A doubled bracket is a template's field whatever it holds:
		// "<<project he mentioned>>", "[[school]]".
		if strings.Contains(text, "<<") || strings.Contains(text, "[[") {
			for _, m := range reDoubleSlot.FindAllStringIndex(text, -1) {
				if reFileName.MatchString(strings.TrimSpace(text[m[0]+2 : m[1]-2])) {
					continue // "<<CV_Jan2027.pdf>>": an attached file's mark
				}
				add(m[0], m[1])
			}
		}
		// A mail-merge field left bare: "at PROGRAM_NAME", "Dear Dr.
		// LAST_NAME" (not again inside a slot found in another form,
		// "%FIRST_NAME%").
		defer func() {
			if !strings.Contains(text, "_") {
				return
			}
		next:
			for _, m := range reSnakeSlot.FindAllStringIndex(text, -1) {
				for _, h := range hits {
					if h.field == field && h.start <= m[0] && m[1] <= h.end {
						continue next
					}
				}
				if c.e.slots.isSlot(strings.ToLower(strings.ReplaceAll(text[m[0]:m[1]], "_", " ")), false) {
					add(m[0], m[1])
				}
			}
		}()
		lower := asciiLower(text)
		for _, q := range []struct {
			re    *regexp.Regexp
			needs []string // in lower: one must occur for the expression to match
		}{
			{rePercent, []string{"%", "${"}}, {reXXX, []string{"xxx", "xx/", "/xx", " xx"}}, {reBlank, []string{"___", "....."}},
			{reInsert, []string{"insert", "(add", "(enter", "(fill", "(mention", "(include", "(put"}}, {reDearSlot, []string{"dear"}},
		} {
			found := false
			for _, n := range q.needs {
				if strings.Contains(lower, n) {
					found = true
					break
				}
			}
			if !found {
				continue
			}
			if q.re == reDearSlot {
				// "Dear Dr. ," — the name deleted and never filled in.
				if k := strings.Index(lower, "dear"); k >= 0 {
					// only the greeting's own line
					end := k + 40
					if end > len(text) {
						end = len(text)
					}
					start := strings.LastIndexByte(text[:k], '\n') + 1
					if m := reEmptyDear.FindStringIndex(text[start:end]); m != nil {
						add(start+m[0], start+m[1])
					}
				}
				// Only the greeting can hold "Dear Dr. Lastname".
				for off := 0; ; {
					k := strings.Index(lower[off:], "dear")
					if k < 0 {
						break
					}
					k += off
					end := min(len(text), k+80)
					if m := q.re.FindStringIndex(text[k:end]); m != nil {
						add(k+m[0], k+m[1])
					}
					off = k + 4
				}
				continue
			}
			for _, m := range q.re.FindAllStringIndex(text, -1) {
				// "order IDs masked as ORD-XXXX": an identifier hidden on
				// purpose, not a slot.
				if q.re == reXXX && m[0] > 1 && text[m[0]-1] == '-' && isWordByte(text[m[0]-2]) {
					continue
				}
				// a field she saw that "literally read “XXX”", a template's
				// words she reports ("went home with the words “[insert
				// follow-up here]”")
				if quotedReport(text, m[0], m[1]) {
					continue
				}
				add(m[0], m[1])
			}
		}
		// "Dr. TBD", "Prof. TBA": a person's name left for later.
		if strings.Contains(text, "TB") {
			for _, m := range reTitleTBD.FindAllStringIndex(text, -1) {
				add(m[0], m[1])
			}
		}
		if !strings.Contains(text, "(") {
			return
		}
		for _, m := range reParen.FindAllStringSubmatchIndex(text, -1) {
			// "(Program Name)", or in lower case "(program name)": every
			// word a slot word, two or more of them
			if inner := text[m[2]:m[3]]; c.e.slots.isSlot(inner, true) && (unicode.IsUpper(rune(inner[0])) || strings.Contains(strings.TrimSpace(inner), " ")) {
				add(m[0], m[1])
			} else if parenSlots[inner] && reSlotLead.MatchString(tail(lower[:m[0]], 8)) {
				// "my application to the (program)", "training at
				// (institution)": one slot word where the name goes.
				add(m[0], m[1])
			}
		}
	}
	// A reply's subject is the thread's ("Re: Thank you for interviewing,
	// [First Name]!" quotes the program's own unfilled slot): not hers.
	if !(reReplySubject.MatchString(c.msg.Subject) && strings.TrimSpace(c.msg.Quoted) != "") {
		scan("subject", c.msg.Subject)
	}
	scan("body", c.msg.Own)
	scan("signature", c.msg.Signature)
	// A slot left only in the HTML alternative (the plain part was filled
	// in; the HTML, which most clients show, was not).
	if c.msg.htmlAlt != "" {
		own, _, _ := SplitOwn(c.msg.htmlAlt)
		before := len(hits)
		scan("html", own)
		// (compared by letters and digits: the HTML's "1–2" is the plain
		// part's "1-2")
		plain := lettersDigits(c.msg.Own + " " + c.msg.Subject)
		kept := hits[:before]
		for _, h := range hits[before:] {
			if !strings.Contains(plain, lettersDigits(h.text)) {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	// A file named from a template ("Research_Interests_[Program Name].pdf"):
	// read with its underscores as spaces, so the slot stands as a word.
	for _, a := range c.msg.Attachments {
		scan("attachments", strings.ReplaceAll(a.Filename, "_", " "))
	}
	// A writing assistant's words to her, pasted with the letter ("Here is
	// a polished version of your email:", "**Subject:** …", "Let me know if
	// you'd like a shorter version!"): the program sees a template.
	if strings.Contains(c.msg.Own, "ersion") || strings.Contains(c.msg.Own, "**") || strings.Contains(c.msg.Own, "raft") {
		for _, m := range reAssistantNote.FindAllStringIndex(c.msg.Own, -1) {
			hits = append(hits, hit{"body", m[0], m[1], strings.TrimSpace(c.msg.Own[m[0]:m[1]])})
		}
	}
	if len(hits) == 0 {
		return
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].field == hits[j].field && hits[i].start < hits[j].start })
	seen := map[string]bool{}
	n := 0
	for _, h := range hits {
		key := fmt.Sprint(h.field, h.start)
		if seen[key] || n >= 5 {
			continue
		}
		seen[key] = true
		n++
		start, end := h.start, h.end
		if h.field == "signature" || h.field == "attachments" || h.field == "html" {
			start, end = -1, -1
		}
		c.addWhole(r, h.field, h.text, start, end, nil)
	}
}

// reInterviewAfterName follows a program's name that names her interview
// there ("my Lakeside interview").
var reInterviewAfterName = regexp.MustCompile(`^(?:'s|’s)?\s+(?:interview|interviews|interview day|virtual interview|visit)\b`)

// reAboutTheVisit finds a thread's subject about the interview or the
// meeting itself ("Re: Great meeting you", "Re: Thank you").
var reAboutTheVisit = regexp.MustCompile(`interview|thank|visit|\bday\b|\bmeet|\bmet\b|talk|speak|chat|conversation|pleasure|great|wonderful|lovely|follow`)

// lettersDigits keeps s's letters and digits, lower-cased.
func lettersDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// ---- wrong-program ------------------------------------------------------------

// reOtherToldMe follows another program or its person that did something
// to her ("Dr. Okafor at Harbor Valley told me …", "Dr. Okafor from
// Harbor Valley, who told me …", "Meridian State
// University has offered me a position"): news of another program, not a
// letter written for it.
var reOtherToldMe = regexp.MustCompile(`^(?:\s+(?:at|from|of)\s+[\w.'’ -]{2,40}?)?,?\s+(?:who\s+|which\s+)?(?:has\s+|had\s+|have\s+|just\s+|also\s+|already\s+|recently\s+|not\s+|never\s+)*(?:(?:told|offered|informed|assured|promised|called|phoned|emailed|e-mailed|wrote to|texted|reached out to|contacted|invited|asked) me|(?:said|replied|responded|answered|written) anything|(?:mentioned|recommended|suggested|praised|spoke (?:highly )?(?:of|about)|pointed me (?:to|toward)) (?:your|the|this|that)\b)|^['’]s\s+(?:\w+\s+){0,2}(?:offer|deadline|invitation|decision)s?(?:[^\w-]|$)`)

// reMetAtEvent follows another program's person met at an event.
var reMetAtEvent = regexp.MustCompile(`^\s+(?:at|during)\s+(?:the|a|an|this|last|our|that)\s+(?:[\w'’-]+\s+){0,3}(?:symposium|conference|meeting|workshop|summit|congress|webinar|poster session|session|course|event|retreat)\b`)

// reAmongThem follows a program named as one of a set ("Lakeside and
// Harbor Valley among them"); reIncludingBefore leads one ("several
// fellowships, including Lakeside").
var (
	reAmongThem       = regexp.MustCompile(`^(?:\s+and\s+[\w.'’ -]{2,40}?)?,?\s+(?:among them|among others|amongst them|included)\b`)
	reIncludingBefore = regexp.MustCompile(`(?:programs|fellowships|residencies|places|institutions|hospitals),?\s+(?:including|such as|like)\s+(?:[\w.'’-]+\s+){0,6}$`)
)

// reNewsFrom ends the words before another program's name that make it
// the source of news ("An offer from", "invitation at").
var reNewsFrom = regexp.MustCompile(`\b(?:offer|news|update|invitation|invite|call|deadline|letter|decision|result|results|message|note|email|e-mail)s?\s+(?:from|at|by)\s+(?:the\s+)?$`)

// otherToldMe reports whether the words after another program's name or
// person tell what it told or decided for her (reOtherToldMe); "Harbor
// Valley's clinical decision support work" is its work, not a decision.
func otherToldMe(after string) bool {
	return reOtherToldMe.MatchString(after) && !reDecisionSupport.MatchString(after)
}

var reDecisionSupport = regexp.MustCompile(`^['’]s\s+(?:\w+\s+){0,2}decisions?[- ](?:support|making|aids?|tools?|rules?|science)`)

// reOtherContacted follows another program's name whose people got in
// touch with her ("'s program director called last week").
var reOtherContacted = regexp.MustCompile(`^['’]s\s+(?:\w+\s+){0,3}(?:(?:has|have|had|just|also|already|recently)\s+)*(?:called|phoned|emailed|e-mailed|wrote|texted|reached out|contacted|told me|said|offered|invited|asked me)\b`)

// reOtherPraise follows another program's person whose program she
// praises ("Dr. Okafor's description of the rural telehealth network"):
// the interview day of a letter written for them.
var reOtherPraise = regexp.MustCompile(`^['’]s\s+(?:\w+\s+){0,2}(?:description|descriptions|explanation|overview|vision|account|tour|welcome|enthusiasm|mentorship|team|fellows|residents|program|division|group|leadership|hospitality)\b`)

// reHostedAt ends the words before a place named as an event's venue or
// host ("the regional AMIA chapter meeting hosted at"), as the program's
// partner ("the shared Epic Community Connect instance with", "our joint
// journal club with", "its affiliation with"), or as where she travels
// from ("arriving Monday evening from").
var reHostedAt = regexp.MustCompile(`\b(?:(?:hosted|held|organi[sz]ed|sponsored|co-?hosted|co-?organi[sz]ed|co-?sponsored|run|gave|given|delivered|presented|recorded|streamed)\s+(?:(?:this|last|next)\s+(?:year|month|week|spring|fall|autumn|winter|summer|time)\s+|once again\s+|again\s+|annually\s+|virtually\s+)?(?:at|by|in|with|from)|jointly with|(?:joint|shared|common|combined|cross-?program)\b(?:\s+[\w'’.-]+){0,6}\s+with|(?:partnership|collaboration|affiliation|consortium|agreement|partnering|partnered|affiliated|merger|merged)\s+with|(?:arriving|coming|flying|driving|travel(?:l)?ing|heading)\s+(?:\w+\s+){0,3}from)\s+(?:the\s+)?$`)

// reOtherHosts follows another program's person whose group runs an
// event she speaks at ("Dr. Feld's group organizes it every winter"): a
// third party, not praise of the place she writes to.
var reOtherHosts = regexp.MustCompile(`^['’]s\s+(?:\w+\s+){0,2}(?:group|team|division|lab|department|fellows|residents)\s+(?:also\s+|kindly\s+)?(?:organi[sz]\w*|host\w*|runs|ran|invited|asked|holds|held|sponsor\w*|leads|led|puts on|put on|is hosting|are hosting)\b`)

// rePraisedBy ends the words before a person she was inspired by.
var rePraisedBy = regexp.MustCompile(`\b(?:inspired|struck|impressed|moved|encouraged|energi[sz]ed|touched|won over) by\s*(?:dr\.?\s*|prof\.?\s*|professor\s*)?$`)

// reCited is a possessive that makes a name an author's: "Okafor's
// paper on alert fatigue".
var reCited = regexp.MustCompile(`^['’]s\s+(?:\w+\s+){0,2}(?:paper|papers|study|studies|article|articles|work on|research|publication|publications|book|review|trial|abstract|poster|talk|lecture|framework|model|method)\b`)

// fileNamesProgram reports whether a file's name is that of an
// application document (a CV, a letter, a statement) made for program p:
// its institution, an alias or its key, written in any of the ways file
// names join words ("CV_HarborValley.pdf", "harbor-valley-letter.docx").
func fileNamesProgram(name string, p *config.Program) bool {
	words := fileNameWords(name)
	doc := false
	for _, w := range words {
		if fileDocWords[w] {
			doc = true
			break
		}
	}
	if !doc {
		return false
	}
	// The words run together, with where each one starts and ends, so a
	// name matches only whole words whatever their joints.
	var run strings.Builder
	bounds := map[int]bool{0: true}
	for _, w := range words {
		run.WriteString(w)
		bounds[run.Len()] = true
	}
	all := run.String()
	for _, n := range append([]string{p.Institution, p.Key}, p.Aliases...) {
		sq := strings.Join(fileNameWords(n), "")
		if len(sq) < 4 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(all[from:], sq)
			if i < 0 {
				break
			}
			i += from
			if bounds[i] && bounds[i+len(sq)] {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// fileDocWords are the words of a file name that make it an application
// document.
var fileDocWords = map[string]bool{"cv": true, "resume": true, "résumé": true, "cover": true, "letter": true,
	"statement": true, "loi": true, "intent": true, "application": true, "ps": true, "personal": true}

// fileNameWords splits a file name into lower-case words at anything not
// a letter or digit and where lower case turns upper ("HarborValley").
func fileNameWords(s string) []string {
	var out []string
	var cur []rune
	prevLower := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			// "Brendan's" is one word
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && prevLower {
				flush()
			}
			cur = append(cur, r)
			prevLower = unicode.IsLower(r)
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	return out
}

// thanksAgain reports whether thanks in a (lower-case) sentence are not
// the thank-you note itself: a later letter ("thank you again") or a
// reply thanking for the program's own message.
func thanksAgain(lower string) bool {
	for _, l := range thanksAgainLits {
		if strings.Contains(lower, l) {
			return true
		}
	}
	for _, g := range thanksAgainParts {
		if g.match(lower) {
			return true
		}
	}
	return false
}

// thanksAgainLits and thanksAgainParts are what thanksAgain looks for:
// plain words, and expressions run only where their words are.
var (
	thanksAgainLits = []string{"for all your help", "for all of your help", "interview process", "interview season",
		"this season", "this cycle", "whatever the outcome", "deadline", "continued interest", "as i finalize",
		"as i finalise", "for forwarding", "for sending", "for sharing", "for passing along", "for putting together",
		"grateful for any", "grateful if", "appreciate any", "appreciate it if",
		// thanks for an invitation answer it; they thank for no interview
		"for the invitation", "for your invitation", "for the kind invitation", "for your kind invitation", "for the invite", "for inviting me"}
	thanksAgainParts = []guardedRE{
		{[]string{"again", "once more", "as always", "still"}, regexp.MustCompile(`\b(?:again|once more|as always|still)\b`)},
		// her answer to their kind words ("it was great meeting u too")
		{[]string{"too", "as well", "likewise"}, regexp.MustCompile(`\b(?:meeting|to meet|talking|speaking|chatting) (?:with )?(?:you|u) (?:too|as well)\b|\blikewise\b`)},
		{[]string{"message", "note", "mail", "letter", "reply", "response", "words", "article", "paper", "link", "resource", "book", "material", "slides", "introduction", "recommendation"},
			regexp.MustCompile(`\b(?:your|the) (?:\w+ )?(?:message|note|email|e-mail|letter|reply|response|words|article|paper|link|links|resources?|book|handbook|materials?|slides|introduction|recommendation)\b`)},
	}
)

// guardedRE is an expression worth running only on text that contains
// one of its words: Go's regexp has no literal prefilter for an
// alternation, and an unanchored one costs tens of microseconds a
// sentence.
type guardedRE struct {
	any []string
	re  *regexp.Regexp
}

func (g guardedRE) match(s string) bool {
	for _, w := range g.any {
		if strings.Contains(s, w) {
			return g.re.MatchString(s)
		}
	}
	return false
}

// reReplySubject is a reply's subject, which is the other side's words.
var reReplySubject = regexp.MustCompile(`(?i)^\s*(?:re|aw|sv|vs|antw|r)\s*:`)

// reItsInterview: a program's name followed by its interview day.
var reItsInterview = regexp.MustCompile(`^\s+interview (?:day|date|schedule|itinerary|time|session)`)

// reOtherLetterSubject is the subject of a letter that is not a thank-you
// note.
var reOtherLetterSubject = regexp.MustCompile(`(?i)\b(?:continued interest|letter of (?:intent|interest)|(?:brief |quick |short |small )?update\b|new publication|withdraw|contract|outside the match|(?:visa|j-?1|h-?1b|paperwork|document|reimbursement|timing|eligibility) (?:question|timeline|timing|request))`)

// reInterestFirst, in the sentences before a letter's thanks, makes it a
// letter of interest rather than the thank-you note.
var reInterestFirst = regexp.MustCompile(`(?i)\b(?:remains?|is|are|stays?) (?:still )?(?:among|one of) my (?:very )?(?:top|first|leading|highest)|\b(?:remain|am still|continue to be|i am) (?:very |highly |deeply |extremely )?(?:interested|enthusiastic) (?:in|about)|\bfinali[sz](?:e|ing) my (?:plans|list|rank)`)

// reMyInterviewAt ends the words before a program's name that make it the
// place of the interview this note is about: "my interview day at".
var reMyInterviewAt = regexp.MustCompile(`\bmy (?:interview|visit|interview day|second look)(?: day)? (?:at|with)(?: the)? $`)

// rePreamble opens a letter before its business: a pleasantry, or an
// apology for writing late.
var rePreamble = regexp.MustCompile(`(?i)^\s*(?:i hope|hope (?:you|this|your|all)|i trust|i(?:'m| am) sorry|sorry|(?:my )?apologies|i apologi[sz]e|please (?:excuse|forgive|accept my apolog\w*)|happy (?:new year|holidays|thanksgiving)|season'?s greetings|i hope this (?:note|email|message) finds)\b`)

// reThanksForDay thanks for the interview itself (lower case).
var reThanksForDay = regexp.MustCompile(`\b(?:thank|thanks|grateful|appreciat)\w*\b[^.!?]{0,30}\bfor (?:(?:putting together|organi[sz]ing|hosting|running|arranging|planning) (?:such )?(?:a |an |the |my |our |your )?(?:[\w-]+ ){0,2}|(?:the|my|our|your) (?:\w+ )?)(?:interview|visit)\b`)

// reMatchOver is the Match told as over for her (lower case): "I did not
// match", "I went unmatched", "since Match Day", "after the match results".
var reMatchOver = regexp.MustCompile(`\bi (?:did not|didn't|didn’t|was not|wasn't|wasn’t|have not been|haven't been|haven’t been) (?:\w+ )?match(?:ed)?\b|\b(?:went|am|was|remain|remained|ended up|finding myself) unmatched\b|\b(?:since|after) (?:the )?(?:\w+ )?match (?:day|results?|week)\b|\bi (?:matched|have matched|was matched) (?:at|with|elsewhere|into)\b`)

// reFeedbackAsk asks for feedback or advice on her application, or on
// applying again (lower case).
var reFeedbackAsk = regexp.MustCompile(`\b(?:feedback|advice|suggestions?|pointers|areas? (?:to|i could|i should|for) (?:strengthen|improve|work on)|what i (?:could|should|might) (?:do|improve|strengthen)|reappl\w*|apply again)\b`)

// reWithdrawal takes her application back (lower case).
var reWithdrawal = regexp.MustCompile(`\bwithdr(?:aw|awing|ew|awn) (?:my |from )?(?:\w+ )?(?:application|candidacy|consideration|the match|your (?:program|fellowship|residency))|\bremove (?:me|my name|my application) from (?:consideration|your)`)

// reNeverThanked is a thank-you owned as overdue ("I realized I never
// properly thanked you for running the show on the 12th").
var reNeverThanked = regexp.MustCompile(`\b(?:never|not yet|didn't|didn’t|did not|haven't|haven’t|have not|hadn't|hadn’t|had not)\b[^.?!]{0,20}\bthanked\b`)

// reLateApology apologizes for writing late (lower case).
var reLateApology = regexp.MustCompile(`\b(?:sorry|apolog\w*|forgive|mortified|embarrassed|ashamed)\b[^.?!]{0,40}\b(?:taken me|so long|this long|the delay|late|belated|delayed|slow|slowness)\b`)

// reLateReason is why a note is late, told after the apology ("… and only
// tonight got to sit down properly").
var reLateReason = regexp.MustCompile(`\b(?:only (?:now|tonight|today|this (?:week|morning|evening))|just (?:now|got back|got home|returned)|finally (?:got|had|have|found)|got to sit down|caught up|catching up|back home|meant to (?:write|send|email|e-mail|reply)|(?:swallowed|ate up|took over|consumed) (?:\w+ ){0,3}(?:week|weeks|days|time|month))\b`)

// reOtherVisit is a visit that is not the interview (lower case).
var reOtherVisit = regexp.MustCompile(`\b(?:(?:your|the|her|his|their) (?:panel|talk|lecture|keynote|webinar|workshop|symposium|poster|presentation|grand rounds)|at (?:the )?(?:amia|conference|symposium|annual meeting|congress)|second[- ]look|revisit|return visit|shadow\w*|open house|info(?:rmation(?:al)?)? session|observership|tour of|site visit|lunch|dinner|(?:phone|video|zoom|teams|quick|brief|short|follow-?up) call|call (?:yesterday|today|this (?:morning|afternoon|week)|last (?:week|night))|calling me|(?:your|the|our) call|(?:telephone|telephonic|phone|video|zoom|teams|quick|brief|short|follow-?up|informal)\s+(?:conversation|chat|discussion)|(?:the|our|that)\s+(?:(?:quick|little|short)\s+)?chat)\b`)

var reSalutation = regexp.MustCompile(`(?i)^\s*(?:dear|hello|hi|greetings|good (?:morning|afternoon|evening)|respected|esteemed|assalamu?\s*alaikum|salaam|namaste)\b`)

func (c *checkCtx) wrongProgram(r *rule) {
	if c.prog == nil {
		return
	}
	before := len(c.res.Findings)
	mine := map[string]bool{}
	for _, p := range c.progs {
		mine[p.Key] = true
	}
	// Whether the message names the program it goes to at all: a note
	// that asks about another program's interview day and never names
	// its own recipient went to the wrong coordinator.
	namesOwn, subjNamesOwn := false, false
	for _, pn := range c.e.names.progs {
		for _, id := range pn.nameIDs {
			if mine[pn.key] && (c.d.names.has(id) || c.d.subjNames.has(id)) {
				namesOwn = true
			}
			if mine[pn.key] && c.d.subjNames.has(id) {
				subjNamesOwn = true
			}
		}
	}
	// Surnames of the recipients' own people are never "wrong"; nor are
	// the first names of their people and of those the mail goes to.
	ownSurnames, ownFirsts := map[string]bool{}, map[string]bool{}
	for _, pn := range c.e.names.progs {
		if mine[pn.key] {
			for _, s := range pn.surnames {
				ownSurnames[strings.ToLower(s)] = true
			}
			for _, pp := range pn.people {
				ownFirsts[strings.ToLower(pp.first)] = true
			}
		}
	}
	for _, a := range append(append([]Address(nil), c.msg.To...), c.msg.Cc...) {
		for _, w := range strings.Fields(strings.ToLower(a.Name)) {
			ownFirsts[strings.Trim(w, `"',.`)] = true
		}
	}
	hist, referral, future, target, after := r.wrongProgramCues()
	// history: the words before a name make it the applicant's past,
	// unless a wish for the future comes after them ("a rotation, and I'd
	// be honoured to join Northgate"; "continue my training at Lakeside").
	history := func(before string) bool {
		h := lastCueEnd(before, hist)
		if h < 0 {
			return false
		}
		// "I can picture myself working alongside the LUMC fellows": the
		// wish governs the history word right after it.
		if f := lastCueEnd(before[:h], imagineCues); f >= 0 && h-f <= 24 {
			return false
		}
		// "so proud to start my residency at Northgate": training she
		// would begin there, not training she had there.
		if f := lastCueEnd(before[:h], startCues); f >= 0 && h-f <= 24 {
			return false
		}
		// "I'd love the chance to keep doing this kind of before-and-after
		// work at LUMC": work she wishes to go on with there, not work
		// she did there.
		if f := lastCueEnd(before[:h], continueCues); f >= 0 && h-f <= 48 && lastCueEnd(before[:f], wishCues) >= 0 {
			return false
		}
		return h > lastCueEnd(before, future)
	}
	// The recipients' own names that the body holds: a sentence that names
	// another program and then its own ("St. Brendan's only the week
	// before, and Northgate's day stood out") praises its own after it.
	var ownNames []nameLit
	for _, pn := range c.e.names.progs {
		if !mine[pn.key] {
			continue
		}
		for i, id := range pn.nameIDs {
			if c.d.names.has(id) {
				ownNames = append(ownNames, pn.names[i])
			}
		}
	}
	reported := map[string]bool{}
	for _, pn := range c.e.names.progs {
		if mine[pn.key] || reported[pn.key] {
			continue
		}
		report := func(field, text string, s, e int) {
			reported[pn.key] = true
			c.addWhole(r, field, text, s, e, map[string]string{"other": pn.display})
		}
		// The subject, unless it tells news from the other program ("An
		// offer from Harbor Valley (FYI)"), names an event it hosts
		// ("Presenting at Harbor Valley's informatics day") or names this
		// program too ("between us - Meridian vs Lakeside").
		for i, id := range pn.nameIDs {
			if !c.d.subjNames.has(id) || subjNamesOwn {
				continue
			}
			subj := c.msg.Subject
			lower := strings.ToLower(subj)
			if loc := pn.names[i].find(subj, lower); loc != nil &&
				(reNewsFrom.MatchString(lower[:loc[0]]) || otherToldMe(lower[loc[1]:]) || reEventAfter.MatchString(lower[loc[1]:]) || reEventAt.MatchString(lower[:loc[0]])) {
				continue
			}
			report("subject", subj, 0, len(subj))
			break
		}
		// A signature is not judged, but a line of it that calls her an
		// applicant to another program ("Applicant, Internal Medicine
		// Residency, … Northgate Regional Hospital") is the letter of
		// another program.
		if c.msg.Signature != "" {
			for _, line := range strings.Split(c.msg.Signature, "\n") {
				ll := strings.ToLower(line)
				if !reSigApplicant.MatchString(ll) {
					continue
				}
				for _, nl := range pn.names {
					if nl.find(line, ll) != nil {
						report("signature", strings.TrimSpace(line), -1, -1)
						break
					}
				}
				if reported[pn.key] {
					break
				}
			}
		}
		if reported[pn.key] {
			continue
		}
		other := c.e.cfg.Program(pn.key)
		// An application document named for another program
		// ("Rahman_Amina_CV_HarborValley.pdf" to Lakeside).
		if other != nil {
			for _, at := range c.msg.Attachments {
				if !at.Inline && fileNamesProgram(at.Filename, other) {
					report("attachments", at.Filename, -1, -1)
					break
				}
			}
			if reported[pn.key] {
				continue
			}
		}
		// The body, sentence by sentence — but only the names and people
		// that occur in it at all.
		var names []nameLit
		for i, id := range pn.nameIDs {
			if c.d.names.has(id) {
				names = append(names, pn.names[i])
			}
		}
		var people []person
		for _, pp := range pn.people {
			if strings.Contains(c.d.text, pp.last) {
				people = append(people, pp)
			}
		}
		greeted := false
		for _, pp := range pn.people {
			if len(pp.first) >= 3 && strings.Contains(c.d.text, pp.first) {
				greeted = true
			}
		}
		// "I reread your curriculum page (https://www.harborvalley.edu/…)"
		// in a letter to Lakeside: the other program's page sent as this
		// one's.
		if other != nil && strings.Contains(c.d.lower, "://") {
			for _, s := range c.d.sents {
				lower := c.d.lower[s.start:s.end]
				for _, u := range reURLHost.FindAllStringSubmatchIndex(lower, -1) {
					if other.OwnsHost(lower[u[2]:u[3]]) && strings.Contains(tail(lower[:u[0]], 60), "your ") {
						report("body", c.d.text[s.start:s.end], s.start, s.end)
						break
					}
				}
				if reported[pn.key] {
					break
				}
			}
			if reported[pn.key] {
				continue
			}
		}
		if len(names) == 0 && len(people) == 0 && !greeted {
			continue
		}
		// A list's items are read with the line that leads them ("I
		// remain very enthusiastic about St. Brendan's, especially:").
		listTarget := false
		for si, s := range c.d.sents {
			sent := c.d.text[s.start:s.end]
			lower := c.d.lower[s.start:s.end]
			inList := listTarget
			if t := strings.TrimSpace(sent); strings.HasSuffix(t, ":") {
				listTarget = containsAny(lower, target)
			} else if t != "" && strings.ContainsAny(t[len(t)-1:], ".!?") {
				listTarget = false
			}
			if containsAny(lower, referral) {
				continue // "Dr. Feld at Meridian suggested that I write to you"
			}
			hit := false
			// "Hi Priya," to Lakeside's coordinator: another program's
			// person greeted by first name.
			if greeted {
				for _, pp := range pn.people {
					if len(pp.first) < 3 || ownFirsts[strings.ToLower(pp.first)] {
						continue
					}
					if reSalutation.MatchString(sent) && greetsFirstName(sent, pp.first) || thanksFirstName(sent, pp.first) {
						hit = true
					}
				}
			}
			for _, pp := range people {
				loc := pp.find(sent)
				if loc == nil || ownSurnames[strings.ToLower(lastWord(sent[loc[0]:loc[1]]))] {
					continue
				}
				before := lower[:loc[0]]
				// Another program's person cited as literature ("Dr. Okafor's
				// paper") is no pasted letter.
				if reCited.MatchString(lower[loc[1]:]) {
					continue
				}
				// "my MPH advisor, Dr. Jonah Feld at Meridian State", "Dr.
				// Park at Lakeside, with whom I worked on …": her own
				// mentor or colleague, a third party in her news.
				if !reSalutation.MatchString(sent) && tiedToHer(before, lower[loc[1]:]) {
					continue
				}
				if otherToldMe(lower[loc[1]:]) {
					continue
				}
				// "I did meet Dr. Park at the symposium": where she met
				// them, her history.
				if reMetAtEvent.MatchString(lower[loc[1]:]) {
					continue
				}
				// "Dr. Okafor at Harbor Valley wrote to say …", "I've already
				// let Dr. Okafor at Harbor Valley know": the other program's
				// person in her news, not the one she writes to.
				if rePersonActs.MatchString(lower[loc[1]:]) || reToldPerson.MatchString(tail(before, 40)) {
					continue
				}
				if reSalutation.MatchString(sent) || rePassTo.MatchString(tail(before, 60)) || !history(tail(before, 60)) && (containsAny(lower, target) || reOtherPraise.MatchString(lower[loc[1]:]) && !reOtherHosts.MatchString(lower[loc[1]:]) || rePraisedBy.MatchString(tail(before, 40))) {
					hit = true
				}
				// "Dr. Feld's point on interview day … has stayed with me",
				// to Northgate: another program's person put at this one's
				// interview (naming the person's own program would make it
				// her history: "Dr. Feld at Meridian, on my interview day").
				if !hit && reOnInterviewDay.MatchString(lower) && !history(tail(before, 60)) && !slices.ContainsFunc(names, func(nl nameLit) bool { return nl.find(sent, lower) != nil }) {
					hit = true
				}
			}
			for _, nl := range names {
				loc := nl.find(sent, lower)
				if loc == nil {
					continue
				}
				before := tail(lower[:loc[0]], 70)
				// (Words of her wish after the name are about it, unless the
				// name is what convinced her of something else: "the dosing
				// work I did with a pharmacist at Meridian convinced me this
				// is where I want to spend a career".)
				wishAfter := containsAny(lower[loc[1]:], after) && !reConvincedMe.MatchString(lower[loc[1]:])
				if history(before) && !wishAfter {
					continue
				}
				// The other program as a third party in her news: what it
				// did or said ("Dr. Okafor at Harbor Valley wrote to say…",
				// "Harbor Valley's group reported last year", "Lakeside
				// needs my RSVP"), what she told it ("I've already let Dr.
				// Okafor at Harbor Valley know"), her interview there ("the
				// same day I'm interviewing at St. Brendan's").
				// (Where her own mentor or colleague works, "my MPH advisor,
				// Dr. Jonah Feld at Meridian State", is news too.)
				if !wishAfter && (reThirdPartyAfter.MatchString(lower[loc[1]:]) || reOtherOutdone.MatchString(lower[loc[1]:]) || reToldThem.MatchString(before) || reHerInterviewAt.MatchString(before) || reSomeoneAt.MatchString(before) || reAnswerOther.MatchString(before) ||
					tiedToHer(before, lower[loc[1]:]) && reTitledPersonAt.MatchString(before) ||
					reWorkedWith.MatchString(before) && !containsAny(tail(before, 70), wishCues) || reEventAt.MatchString(before)) {
					continue
				}
				// "my Lakeside interview on November 12", in a letter that
				// names its own program: her interview there, her news.
				if namesOwn && !wishAfter && reInterviewAfterName.MatchString(lower[loc[1]:]) && strings.HasSuffix(before, "my ") {
					continue
				}
				// "the Lakeside 10K": an event named for the place; "a chapter
				// meeting hosted at Meridian State University": its venue;
				// "the Northgate residents' inbox-triage paper": its work,
				// cited.
				// "the shared Epic instance with Northgate Regional Hospital":
				// the program's partner.
				if reEventAfter.MatchString(lower[loc[1]:]) || reHostedAt.MatchString(before) || reOtherWork.MatchString(lower[loc[1]:]) {
					continue
				}
				// "…I'll rank Meridian first, and Lakeside drops to second":
				// her order of two programs, the other one named as the
				// lower.
				if reDropsBelow.MatchString(lower[loc[1]:]) || rePutAbove.MatchString(before) {
					continue
				}
				// "…which a Lakeside faculty member moderated": one of the
				// other program's people, there as a third party (not "as a
				// Lakeside fellow", her wish).
				if rePersonOf.MatchString(lower[loc[1]:]) && reSomeOne.MatchString(before) && !reAsOne.MatchString(before) {
					continue
				}
				// "Dr. Park of Lakeside co-presented with me": the other
				// program's person, named by title, doing something.
				if reTitledOf.MatchString(before) && rePersonActs.MatchString(lower[loc[1]:]) || reOtherApplicant.MatchString(before) || reTheirPast.MatchString(before) {
					continue
				}
				if otherToldMe(lower[loc[1]:]) {
					continue
				}
				// "talking with several fellowships, Lakeside and Harbor
				// Valley among them": one of a set she names, not the place
				// the letter is for.
				if reAmongThem.MatchString(lower[loc[1]:]) || reIncludingBefore.MatchString(before) {
					continue
				}
				possessive := loc[1] < len(sent) && (strings.HasPrefix(sent[loc[1]:], "'s") || strings.HasPrefix(sent[loc[1]:], "’s"))
				// "Harbor Valley's program director called last week to say
				// …": another program's interest told (pressure's business),
				// not a letter written for it.
				if possessive && reOtherContacted.MatchString(lower[loc[1]:]) {
					continue
				}
				// "my interview day at Lakeside …" in a note to Harbor Valley
				// that never names Harbor Valley: written to the wrong one.
				misdirected := !namesOwn && (reItsInterview.MatchString(lower[loc[1]:]) || reMyInterviewAt.MatchString(before))
				// "could you tell me whether Meridian covers travel": a
				// question only the other program can answer, asked of this
				// one.
				askedOf := reAskWhether.MatchString(before) && rePolicyVerb.MatchString(lower[loc[1]:])
				// "Applicant, Internal Medicine Residency, … Northgate
				// Regional Hospital" under her name: the other letter's
				// sign-off.
				applicantOf := reSigApplicant.MatchString(tail(before, 80)) && !history(tail(before, 60))
				// (Words after the name that make it her goal, "… of Northgate
				// Regional Hospital is right place for me", say so too.)
				targetIn := lower
				for _, on := range ownNames {
					if ol := on.find(sent[loc[1]:], lower[loc[1]:]); ol != nil && loc[1]+ol[0] <= len(targetIn) {
						targetIn = lower[:loc[1]+ol[0]]
					}
				}
				if reSalutation.MatchString(sent) || possessive || misdirected || askedOf || inList || applicantOf || containsAny(targetIn, target) || wishAfter || lastCueEnd(before, future) >= 0 {
					hit = true
				}
				// "… the fellows' project list on the Harbor Valley page. The
				// alert-retirement work there is what I hope to do as a
				// fellow": the next sentence makes the place her goal.
				if !hit && !history(before) && si+1 < len(c.d.sents) {
					ns := c.d.sents[si+1]
					next := c.d.lower[ns.start:ns.end]
					if reBackRef.MatchString(next) && containsAny(next, backTarget) {
						hit = true
					}
				}
			}
			if hit {
				report("body", sent, s.start, s.end)
				break
			}
		}
	}
	if len(reported) == 0 {
		c.unknownTrainingPlace(r, history)
	}
	if len(c.res.Findings) == before {
		c.unknownProgramPraised(r, history)
	}
}

// parenSlots are the words that, alone in parentheses after an article or
// a preposition, stand where a name goes.
var parenSlots = map[string]bool{"program": true, "institution": true, "hospital": true, "school": true, "university": true, "name": true, "pd": true, "program director": true, "city": true}

// reSlotLead is the word before such a slot.
var reSlotLead = regexp.MustCompile(`\b(?:the|to|at|of|in|for|with|from|dear|dr\.?)\s*$`)

// reBackRef points back to a place just named: "the work there", "its
// curriculum".
var reBackRef = regexp.MustCompile(`\b(?:there|its|their|that program|that fellowship|that residency|that track)\b`)

// backTarget are the words of a sentence after a place is named that make
// the place her goal.
var backTarget = []string{"hope to do", "want to do", "i hope to", "i want to", "as a fellow", "as a resident", "closest match", "exactly what i", "where i want", "see myself", "picture myself"}

// reOnInterviewDay is the interview day spoken of as a time: "on
// interview day", "during my interview".
var reOnInterviewDay = regexp.MustCompile(`\b(?:on|during|at|from) (?:the |my |your )?interview(?: day)?\b`)

// reSigApplicant is a signature line that names what she applies to.
var reSigApplicant = regexp.MustCompile(`\b(?:applicant|candidate|applying to|application to|interviewee)\b`)

// reWantTrainAt is a wish to train at a named place: "I can clearly see
// myself training at Cascade Health" (the name's words capitalized and
// ending in an institution's word).
var reWantTrainAt = regexp.MustCompile(`(?i:see myself|picture myself|imagine myself|envision myself|excited to|hope to|hoping to|want to|would love to|eager to|honou?red to|look forward to|looking forward to|dream of|dreaming of)\s+(?:\w+\s+){0,2}?(?i:training|train|join|joining|matching|match|being a (?:fellow|resident)|be a (?:fellow|resident)|continuing my training)\s+(?i:at|with|in)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s+){0,4}(?:Health(?: System)?|Hospital|Medical Cent(?:er|re)|University|Clinic|Institute|College|Children['’]s))\b`)

// wantTrainCues and institutionWords are what reWantTrainAt needs a
// sentence to hold (lower case).
var (
	wantTrainCues    = []string{"myself", "excited to", "hope to", "hoping to", "want to", "love to", "eager to", "honored to", "honoured to", "forward to", "dream of", "dreaming of"}
	institutionWords = []string{"health", "hospital", "medical", "university", "clinic", "institute", "college", "children"}
)

// unknownTrainingPlace reports an institution the config does not know,
// named as where she wants to train in a mail to another program (a
// letter written for one program and sent to the next).
func (c *checkCtx) unknownTrainingPlace(r *rule, history func(string) bool) {
	own := map[string]bool{}
	for _, p := range c.progs {
		for _, n := range append([]string{p.Institution, p.Name}, p.Aliases...) {
			for _, w := range strings.Fields(strings.ToLower(n)) {
				own[strings.Trim(w, `'’.,()`)] = true
			}
		}
	}
	if !containsAny(c.d.lower, wantTrainCues) {
		return
	}
	for _, s := range c.d.sents {
		// (cheap tests first: the regular expression is the slow part of
		// a check when it runs on every sentence)
		lower := c.d.lower[s.start:s.end]
		if !containsAny(lower, wantTrainCues) || !containsAny(lower, institutionWords) {
			continue
		}
		sent := c.d.text[s.start:s.end]
		flat := strings.Join(strings.Fields(sent), " ") // a wrapped line is one
		m := reWantTrainAt.FindStringSubmatchIndex(flat)
		if m == nil || history(tail(strings.ToLower(flat[:m[0]]), 70)) {
			continue
		}
		name := flat[m[2]:m[3]]
		mineToo := false
		distinct := 0
		for _, w := range strings.Fields(strings.ToLower(name)) {
			if institutionGeneric[w] {
				continue
			}
			distinct++
			if own[w] {
				mineToo = true
			}
		}
		if mineToo || distinct == 0 {
			continue
		}
		c.addWhole(r, "body", sent, s.start, s.end, map[string]string{"other": strings.TrimSpace(name)})
		return
	}
}

// reOtherProgram is a named program spoken of as the one she wants,
// where the name is the recipient's in a letter meant for it: "interested
// in Brookfield's Clinical Informatics Fellowship" (group 1), "Brookfield
// is the kind of program where …" (group 2), "joining the Crestmoor
// University Informatics Fellowship" (group 3).
var reOtherProgram = regexp.MustCompile(`\b((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s\s+(?:[A-Z][\w-]*\s+){0,3}(?:Fellowship|Residency|Program|fellowship|residency|program)\b|\b((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)\s+(?:is|has always been|remains|seems|feels like|would be)\s+(?:\w+\s+){0,2}?(?:the|a|an)\s+(?:\w+\s+){0,2}?(?:kind|sort|type)\s+of\s+(?:program|place|fellowship|residency|environment|community|department)\b|\b(?:joining|join|train at|training at|training in|match at|matching at|matching with|part of)\s+the\s+((?:[A-Z][\w.'’-]*\s+){1,5})(?:Fellowship|Residency|Program|fellowship|residency|program)\b`)

// praiseCues are what makes a sentence naming a program speak of it as
// her goal rather than mention it (lower case).
var praiseCues = []string{"interested in", "interest in", "drawn to", "attracted to", "apply", "applying", "join", "joining", "train", "excited", "impressed", "admire", "kind of", "sort of", "type of", "why i", "reason i", "hope", "dream", "perfect", "ideal", "exactly", "fit for", "fit with", "right place", "love"}

// notProgramNames are capitalised words that stand before "'s program"
// or "is the kind of place" without naming an institution.
var notProgramNames = map[string]bool{"it": true, "this": true, "that": true, "your": true, "yours": true, "such": true, "which": true, "there": true,
	"here": true, "he": true, "she": true, "they": true, "we": true, "i": true, "what": true, "mine": true, "everything": true, "nothing": true, "one": true,
	"amia": true, "acgme": true, "nrmp": true, "eras": true, "ecfmg": true, "usmle": true, "aamc": true, "abpm": true, "nih": true, "cms": true, "fda": true,
	"clinical": true, "informatics": true, "applied": true, "medicine": true, "medical": true, "pediatrics": true, "pediatric": true, "internal": true,
	"family": true, "data": true, "science": true, "research": true, "digital": true, "biomedical": true, "fellowship": true, "residency": true, "program": true,
	"my": true, "our": true, "the": true, "a": true, "an": true, "and": true, "but": true, "so": true, "if": true, "when": true, "because": true}

// unknownProgramPraised reports a program the config does not know,
// spoken of as the one she wants in a mail to another program: last
// year's letter sent again with its old name ("I first became interested
// in Brookfield's Clinical Informatics Fellowship"). Her own past
// ("my residency at Mercy Harlow, Mercy Harlow's program taught me")
// and a person's ("Dr. Hollis's program") are not.
func (c *checkCtx) unknownProgramPraised(r *rule, history func(string) bool) {
	if !containsAnyOf(c.d.lower, programKinds) && !containsAnyOf(c.d.lower, kindOfCues) {
		return
	}
	known := c.e.names.words
	for _, s := range c.d.sents {
		lower := c.d.lower[s.start:s.end]
		// (cheap tests first: the expression has no literal to start
		// from and would be tried at every byte of every sentence)
		if !otherProgramShape(lower) || !containsAny(lower, praiseCues) {
			continue
		}
		sent := c.d.text[s.start:s.end]
		flat := strings.Join(strings.Fields(sent), " ")
		for _, m := range reOtherProgram.FindAllStringSubmatchIndex(flat, -1) {
			at, end := m[2], m[3]
			for g := 2; at < 0 && g*2+1 < len(m); g++ {
				at, end = m[g*2], m[g*2+1]
			}
			name := strings.TrimSpace(flat[at:end])
			if history(tail(strings.ToLower(flat[:at]), 70)) || reTitle.MatchString(name) {
				continue
			}
			distinct, mine := 0, false
			for _, w := range strings.Fields(strings.ToLower(name)) {
				w = strings.Trim(w, `'’.,()`)
				if notProgramNames[w] || institutionGeneric[w] {
					continue
				}
				distinct++
				if known[w] {
					mine = true
				}
			}
			if distinct == 0 || mine {
				continue
			}
			c.addWhole(r, "body", sent, s.start, s.end, map[string]string{"other": name})
			return
		}
	}
}

// otherProgramShape reports whether a sentence (lower case) has the shape
// reOtherProgram looks for: a possessive or "the …" before a program's
// kind, or "the kind of place".
func otherProgramShape(lower string) bool {
	if containsAnyOf(lower, kindOfCues) {
		return true
	}
	if !containsAnyOf(lower, programKinds) {
		return false
	}
	return strings.Contains(lower, "'s ") || strings.Contains(lower, "’s ") || containsAnyOf(lower, joinTheCues)
}

// The words otherProgramShape looks for (lower case).
var (
	kindOfCues   = []string{"kind of", "sort of", "type of"}
	programKinds = []string{"fellowship", "residency", "program"}
	joinTheCues  = []string{"join the ", "joining the ", "train at the ", "training at the ", "training in the ", "match at the ", "matching at the ", "matching with the ", "part of the "}
)

// reTitle is a person's title: "Dr. Hollis's program" is her research.
var reTitle = regexp.MustCompile(`^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Dean|Chief)\b`)

// rePassTo ends the words before a person the recipient is asked to pass
// the letter on to ("Could you please share this short update with Dr.
// Moss?" to another program's coordinator): the letter is meant for that
// person's program (lower case).
var rePassTo = regexp.MustCompile(`\b(?:shar|forward|pass|send|giv|show|relay)\w*\b[^.?!]{0,40}\b(?:with|to|on to|along to)\s+(?:dr\.?\s+|prof\.?\s+)?$`)

// institutionGeneric are the words of an institution's name that tell no
// institution from another ("Health", "Medical Center", "St.").
var institutionGeneric = map[string]bool{"health": true, "system": true, "hospital": true, "medical": true, "center": true, "centre": true, "university": true,
	"clinic": true, "institute": true, "college": true, "children's": true, "children’s": true, "the": true, "of": true, "and": true, "st.": true, "saint": true}

// imagineCues put a history word ("working", "rotating") in the future
// when they stand right before it: "picture myself working at …".
// startCues begin training ("to start my residency at"): the history word
// after them is her future.
var startCues = []string{"start my", "begin my", "starting my", "beginning my", "to start", "to begin", "commence my",
	// "I want to do my residency at Northgate": training she wishes for
	"want to do my", "hope to do my", "wish to do my", "like to do my", "love to do my", "to do my", "to complete my", "to spend my"}

var imagineCues = []string{"picture myself", "see myself", "imagine myself", "envision myself", "imagine", "look forward to", "looking forward to", "would love to", "hope to be", "excited to be"}

// continueCues carry work on into the future ("keep doing this kind of
// work at …"); wishCues, before them, make that her wish.
var (
	continueCues = []string{"keep doing", "keep building", "keep working", "keep developing", "keep growing", "continue doing", "continue building",
		"continue working", "continue this", "continue that", "continue the", "continue my", "carry on", "carry this", "carry that",
		"do more of", "doing more of", "build on this", "build on that", "building on this", "building on that", "grow this", "expand this"}
	wishCues = []string{"chance to", "opportunity to", "hope to", "hoping to", "love to", "like to", "want to", "wish to", "eager to", "excited to",
		"keen to", "i'd love", "i would love", "i'll", "i will", "i'd", "looking forward to", "look forward to", "would be"}
)

// thanksFirstName reports whether a sentence thanks first, or asks that
// first be thanked: "Please thank Priya for organizing the day", "Thank
// you, Marcus, for coordinating every detail".
func thanksFirstName(sent, first string) bool {
	for i := 0; ; {
		k := strings.Index(sent[i:], first)
		if k < 0 {
			return false
		}
		k += i
		e := k + len(first)
		i = e
		if k > 0 && isWordByte(sent[k-1]) || e < len(sent) && isWordByte(sent[e]) {
			continue
		}
		before := strings.ToLower(strings.TrimRight(sent[max(0, k-24):k], " ,"))
		if strings.HasSuffix(before, "thank") || strings.HasSuffix(before, "thank you") || strings.HasSuffix(before, "thanks") ||
			strings.HasSuffix(before, "thanks to") || strings.HasSuffix(before, "grateful to") || strings.HasSuffix(before, "my thanks to") ||
			strings.HasSuffix(before, "my gratitude to") || strings.HasSuffix(before, "my best to") {
			return true
		}
	}
}

// greetsFirstName reports whether a greeting names first alone: "Hi
// Priya,", "Dear Priya!", "Hello Priya" ending its line.
func greetsFirstName(sent, first string) bool {
	m := reSalutation.FindStringIndex(sent)
	if m == nil {
		return false
	}
	rest := strings.TrimLeft(sent[m[1]:], " \t")
	if !strings.HasPrefix(rest, first) {
		return false
	}
	rest = rest[len(first):]
	if rest == "" {
		return true
	}
	switch rest[0] {
	case ',', '!', ':', '\n', '\r', '.':
		return true
	}
	return false
}

// reAskWhether ends a question put to the reader about a program:
// "could you tell me whether", "do you know if".
var reAskWhether = regexp.MustCompile(`\b(?:tell me|let me know|confirm|clarify|advise|wondering|wonder|ask|asking|know|check|explain) (?:\w+ ){0,2}(?:whether|if|how|what) (?:the )?$`)

// rePolicyVerb starts what a program does for its trainees, after its name.
var rePolicyVerb = regexp.MustCompile(`^(?:'s|’s)?\s+(?:\w+\s+){0,2}?(?:still\s+|also\s+|currently\s+)?(?:covers?|offers?|provides?|sponsors?|funds?|pays?|allows?|requires?|supports?|reimburses?|gives?|includes?|accepts?|protects?|guarantees?)\b`)

// reEventAfter is an event that bears a place's name ("the Lakeside 10K").
var reEventAfter = regexp.MustCompile(`^(?:(?:'|’)s)?\s+(?:10k|5k|half[- ]marathon|marathon|fun run|race|gala|golf|regatta|triathlon|(?:[\w'’-]+\s+){0,5}(?:symposium|conference|summit|hackathon|datathon|lecture series|grand rounds|webinar|workshop|retreat|poster session|(?:informatics|research|education|innovation|quality|improvement|simulation|scholarship|wellness|career|science|poster|alumni) day|(?:regional|annual|national|state|spring|fall|autumn|winter|summer|quarterly|monthly|informatics|research|consortium|chapter) meeting|forum|colloquium|seminar|bootcamp|boot camp))\b`)

// thirdPartyVerbs are what another program or its people did or said in
// her news ("… wrote to say", "… asked"); herTellingVerbs are her own
// telling them ("I've already let", "told", "wrote to"), in the past only:
// "Please tell Dr. Chen …" to another program still misdirects.
const (
	thirdPartyVerbs = `wrote|writes|said|says|told|tells|hoped|hopes|called|emailed|reached out|contacted|got back|asked`
	herTellingVerbs = `(?:already|have|i've|i’ve|i)\s+let|told|informed|notified|emailed|e-mailed|wrote to|written to|called|phoned|updated`
)

// reThirdPartyAfter follows another program's name that did or said
// something in her news.
var reThirdPartyAfter = regexp.MustCompile(`^(?:(?:'|’)s)?\s+(?:[\w'’.,-]+\s+){0,3}(?:reported|published|showed|found|described|needs|wants|wanted|offered|invited|(?:co-?)?run\s+(?:\w+\s+){0,4}?(?:together|jointly)|(?:is |are |will be |will )?(?:co-?)?(?:host(?:s|ed|ing)?|organi[sz](?:es|ed|ing))|` + thirdPartyVerbs + `|has been (?:very |so |really |most )?(?:encouraging|supportive|kind|generous|helpful|responsive|in touch|clear|gracious|welcoming)|as part of (?:your|the|our|its|this) (?:\w+\s+)?(?:partnership|affiliation|collaboration|consortium|network|agreement))\b`)

// reTitledOf ends the words before a program's name with one of its people
// named by title ("Dr. Park of", "Professor Feld from the").
var reTitledOf = regexp.MustCompile(`\b(?:dr\.?|prof\.?|professor|mr\.?|ms\.?|mrs\.?)\s+(?:[\w'’-]+\s+){1,2}(?:of|from|at)\s+(?:the\s+)?$`)

// reTheirPast ends the words before a program's name that tell of where
// one of this program's people trained ("Dr. Chen's story about building
// her first sepsis registry as a resident back at Harbor Valley").
var reTheirPast = regexp.MustCompile(`\b(?:she|he|her|his|their|you|your)\b[^.]{0,80}\b(?:back at|back in|when (?:she|he|they|you) (?:was|were|trained|worked) (?:at|in)|(?:she|he|they|you) trained (?:at|in)|(?:did|completed|finished|does|is doing|was doing) (?:her|his|their) (?:[\w-]+ ){0,3}(?:training|residency|fellowship|internship|degree|phd|mph|rotation|rotations)s? (?:at|in|with))\s+(?:the\s+)?$`)

// reEventAt ends the words before a program's name that is an event's
// venue: "Midwest Clinical Informatics Forum at Lakeside".
var reEventAt = regexp.MustCompile(`\b(?:forum|conference|symposium|summit|workshop|webinar|hackathon|datathon|retreat|poster session|grand rounds|seminar|colloquium|lecture|keynote|talk|course|boot ?camp)s?\s*(?:[—–-]\s*|,\s*)?(?:(?:[a-z]+day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:(?:held|hosted|taking place|this year|next month|last month) )?(?:at|in) (?:the )?$`)

// reWorkedWith ends the words before a program's name after a person she
// works or worked with there: "the analysis I'm finishing with Dr. Ravi
// Menon at".
var reWorkedWith = regexp.MustCompile(`\b(?:with|alongside|under) (?:dr\.?|prof\.?|professor) (?:[\w'’-]+ ){1,3}(?:at|from|of) (?:the )?$`)

// reOtherApplicant ends the words before a program's name that tell of
// someone else applying or interviewing there ("He interviewed with
// Northgate's general surgery program"; "my husband matched at").
var reOtherApplicant = regexp.MustCompile(`\b(?:he|she|they|my (?:husband|wife|partner|spouse|fianc[eé]e?|brother|sister|friend|classmate|co-?resident)|(?:his|her) (?:\w+ )?program)\s+(?:\w+\s+)?(?:interviewed|interviews|is interviewing|applied|applies|is applying|matched|trains|is training|works|is working|will interview|will be interviewing)\s+(?:with|at|to|for|in)\s+(?:the\s+)?$`)

// reSomeoneAt ends the words before a program's name that describe one of
// its people there, set off by a comma ("my friend Kofi Mensah, a
// first-year fellow at"); not her wish ("as a fellow at").
var reSomeoneAt = regexp.MustCompile(`,\s+(?:a|an|one of the)\s+(?:[\w-]+\s+){0,2}(?:fellows?|residents?|faculty(?: members?)?|attendings?|physicians?|coordinators?|students?|alumn\w*|interns?|nurses?)\s+(?:at|from|of)\s+(?:the\s+)?$`)

// reToldThem ends the words before another program's name that she told
// or wrote to ("I've already let Dr. Okafor at").
var reToldThem = regexp.MustCompile(`\b(?:` + herTellingVerbs + `)\s+(?:dr\.?\s+[\w'’-]+|(?:the\s+)?(?:team|coordinator|committee|program director|director|pd|people|faculty)|[a-z'’-]+)\s+(?:at|from)\s+$`)

// tiedToHer reports whether the words just before a name or just after it
// tie the person to her (reHerRelation): "my MPH advisor, Dr. Feld",
// "Dr. Park …, with whom I worked".
func tiedToHer(before, after string) bool {
	return reHerRelation.MatchString(tail(before, 50)) || reHerRelation.MatchString(after[:min(len(after), 80)])
}

// reHerRelation names her own tie to a person: "my MPH advisor", "with
// whom I worked", "who mentored me", "who supervised the project".
var reHerRelation = regexp.MustCompile(`\b(?:(?:my|our) (?:[\w-]+ ){0,2}(?:advisor|adviser|advisors|mentor|mentors|supervisor|supervisors|pi|professor|teacher|preceptor|attending|boss|colleague|colleagues|collaborator|collaborators|co-?authors?|chair|referee|referees|letter writer|letter writers|recommender|research director|thesis advisor|dean)\b|with whom i (?:\w+ )?(?:worked|trained|studied|collaborated|published|wrote|did|rotated|co-?wrote|co-?authored|co-?published|co-?presented|presented)|who (?:\w+ )?(?:supervised|mentored|taught|trained|advised|supported|recommended|precepted|oversaw|guided|coached) (?:me|my|our|the)\b)`)

// reOtherOutdone follows another program's name that she compares with
// this one, to this one's credit: "Lakeside was impressive in its own way,
// but nothing I saw there came close to your command center".
var reOtherOutdone = regexp.MustCompile(`^[^.;!?]{0,80}\bbut\b[^.;!?]{0,60}\b(?:nothing|none|no one|no program|not one)\b[^.;!?]{0,40}\b(?:came|comes|come) close to (?:your|yours|what you)\b|^[^.;!?]{0,80}\bbut\b[^.;!?]{0,60}\b(?:nothing|none|no one|no program|not one)\b[^.;!?]{0,40}\b(?:compared|compares|compare|measured up|measures up|matched|matches|rivall?ed|rivals) (?:to |with )?(?:your|yours|what you)\b`)

// reTitledPersonAt ends the words before a program's name with a person
// who works there: "Dr. Jonah Feld at", "Helen Park from".
var reTitledPersonAt = regexp.MustCompile(`(?:dr\.?|prof\.?|professor) (?:[\w'’-]+ ){1,3}(?:at|from|of) (?:the )?$`)

// reOtherWork follows a program's name that labels a piece of its work
// or its infrastructure: "the Northgate residents' inbox-triage paper",
// "Lakeside's 2024 sepsis study", "data stay on Meridian's servers".
var reOtherWork = regexp.MustCompile(`^(?:'s|’s)?\s+(?:[\w'’-]+\s+){0,3}(?:paper|papers|study|studies|article|articles|preprint|publication|abstract|poster|dataset|trial|guideline|guidelines|protocol|toolkit|white paper|playbook|servers?|database|databases|data warehouse|warehouse|repository|registry|irb|review board|firewall|cloud|network)\b`)

// reAnswerOther ends the words before another program's name that she
// answers, declines or hears from ("so that I can decline Meridian with
// confidence"): a third party in her news.
var reAnswerOther = regexp.MustCompile(`\b(?:decline|declining|turn down|turning down|refuse|refusing|reject|rejecting|answer|answering|respond to|responding to|reply to|replying to|hear back from|hearing back from|hear from|heard from|get back to|getting back to|say no to|saying no to)\s+(?:the\s+)?$`)

// reHerInterviewAt ends the words before the name of a program she
// interviews at besides ("I'm interviewing at", "both of my interviews,
// at"); "my interview day at Lakeside" to Harbor Valley is misdirected.
var reHerInterviewAt = regexp.MustCompile(`(?:^\s*(?:\w+\s+){0,1}interviewing\s+|\b(?:(?:(?:i(?:'m|’m| am)|im|i was|i(?:'ll|’ll| will) be|i(?:'ve|’ve| have) been) (?:also |still |now |currently |just |already |additionally )*interviewing|i (?:also |already |just |recently |have |had |'ve |’ve )*interviewed|interviews,)\s+(?:\w+\s+){0,2}|\bmy (?:\w+\s+){0,2}interviews (?:\w+\s+){0,3}?(?:were|are|have been|will be)\s+(?:also\s+)?|\bi (?:also |still )?(?:have|had) (?:(?:an|a|one)(?: \w+)? interview|(?:\w+\s+){0,2}interviews)\s+(?:\w+\s+){0,2}?|(?:travel|travell?ing|fly|flying|drive|driving|head|heading|go|going) to my (?:\w+\s+)?interview (?:day\s+)?|\b(?:in town|in the area|in your region|travel\w*|fly\w*|here|there|away|out) (?:\w+\s+){0,3}for (?:an|my) (?:\w+\s+)?interview (?:day\s+)?))(?:(?:at|with|for)\s+(?:the\s+)?|\(\s*)$`)

// rePersonActs follows another program's person who wrote, said or asked
// something ("… at Harbor Valley wrote to say"), or whose group did
// ("Dr. Feld's group at Meridian State wrote the annotation guidelines").
var rePersonActs = regexp.MustCompile(`^(?:(?:'|’)s(?:\s+(?:group|team|lab|laboratory|unit|division|department|office|colleagues|fellows|residents|students|staff))?)?\s+(?:(?:at|from|of)\s+(?:[\w'’.,-]+\s+){1,8}?)?(?:(?:will|would|also|recently|just|both|has|have|had)\s+){0,2}(?:` + thirdPartyVerbs + `|share|shares|sharing|mentioned|had mentioned|met|moderated|chaired|co-?chaired|led|co-?led|hosted|co-?hosted|organi[sz]ed|presented|co-?presented|shared|joined|sat|served|attended|co-?authored|published|built|developed|designed|created|validated|collected|curated|annotated|labell?ed|contributed|spoke|speak|present|talk|lecture|gave|delivered|recorded|streamed|ran|introduced|commented|pushed|challenged|questioned|critiqued|reviewed|judged|taught|lectured|used|cited|showed|described|recommended|suggested|pointed|highlighted|demoed|demonstrated|supervised|mentored|advised|precepted|coached|guided|oversaw|encouraged|inspired)\b`)

// reToldPerson ends the words before a person she told or wrote to.
var reToldPerson = regexp.MustCompile(`\b(?:` + herTellingVerbs + `)\s+$`)

// rePutAbove ends the words before a program's name that another is put
// above on her list ("I will put Harbor Valley above Lakeside").
var rePutAbove = regexp.MustCompile(`\b(?:above|ahead of|over|rather than|instead of)\s+$`)

// reDropsBelow follows a program's name put below another on her list.
var reDropsBelow = regexp.MustCompile(`^(?:(?:'|’)s)?\s+(?:drops?|falls?|moves?|goes|slides?|comes?|would come|would be|will be|is|stays|ends up)\s+(?:to\s+)?(?:a\s+(?:close\s+)?)?(?:second|2nd|third|3rd|lower|below|behind)\b`)

// reConvincedMe follows a name that brought her to a view of her own
// ("… at Meridian convinced me that …").
var reConvincedMe = regexp.MustCompile(`^[^\w]*(?:[\w'’-]+[^\w]+){0,3}(?:convinced|taught|showed|persuaded|made) me\b`)

// rePersonOf follows a program's name used of one of its people ("a
// Lakeside faculty member", "two Northgate residents").
var rePersonOf = regexp.MustCompile(`^(?:(?:'|’)s)?\s+(?:faculty|attending|physician|doctor|surgeon|researcher|professor|nurse|informaticist|colleague|alumn\w*|graduate|resident|fellow|chief|coordinator|director|speaker|panelist|moderator|author|investigator|team member|staff member)s?\b`)

// reSomeOne ends the words before such a name: "a", "one", "two", ….
var reSomeOne = regexp.MustCompile(`\b(?:a|an|one|another|two|three|four|several|some|a few|few|many|other)\s+$`)

// reAsOne ends words that make the person she: "as a", "be one", "join
// the …" ("…to train as a Lakeside fellow").
var reAsOne = regexp.MustCompile(`\b(?:as|be|become|becoming|join|joining|am|being)\s+(?:a|an|one|another)\s+$`)

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func lowerAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = strings.ToLower(s)
	}
	return out
}

// cueAt returns the first place at or after from where the cue c starts a
// word of s, or -1.
func cueAt(s, c string, from int) int {
	for i := from; i <= len(s); {
		k := strings.Index(s[i:], c)
		if k < 0 {
			return -1
		}
		k += i
		if k == 0 || !isWordByte(s[k-1]) {
			return k
		}
		i = k + 1
	}
	return -1
}

// lastCueEnd returns where the last of the cues to end in s ends (each
// found at the start of a word), or -1.
func lastCueEnd(s string, cues []string) int {
	last := -1
	for _, c := range cues {
		for k := cueAt(s, c, 0); k >= 0; k = cueAt(s, c, k+1) {
			last = max(last, k+len(c))
		}
	}
	return last
}

// containsAny reports whether s contains one of the cues as a whole word
// or phrase start.
func containsAny(s string, cues []string) bool {
	for _, c := range cues {
		if cueAt(s, c, 0) >= 0 {
			return true
		}
	}
	return false
}

// ---- history rules ------------------------------------------------------------

func (c *checkCtx) topChoiceDuplicate(r *rule) error {
	if !c.res.Facts.TopChoice {
		return nil
	}
	var others []string
	if len(c.progs) > 1 {
		for _, p := range c.progs[1:] {
			others = append(others, programName(p))
		}
	}
	if c.h != nil && c.prog != nil {
		keys, err := c.h.TopChoicePrograms(c.histTime())
		if err != nil {
			return err
		}
		for _, k := range keys {
			// One top choice per rank list: a fellowship in AMIA's match and a
			// residency in the NRMP's are on different lists.
			if k == c.prog.Key || !c.sameMatch(k) {
				continue
			}
			name := k
			if p := c.e.cfg.Program(k); p != nil {
				name = programName(p)
			}
			others = append(others, name)
		}
	}
	if len(others) == 0 {
		// Her own words say it went to another program too ("As I have
		// told a couple of other programs, Meridian is my number one
		// choice"): the ledger need not know it.
		if ms := c.phraseMatches(r); len(ms) > 0 {
			f := ms[0]
			c.addWhole(r, f.field, c.d.text[f.start:f.end], f.start, f.end, map[string]string{"other": "another program"})
		}
		return nil
	}
	m := c.phraseMatches(c.e.byID["top-choice"])
	exc, s, e := "", -1, -1
	if len(m) > 0 && m[0].field == "body" {
		exc, s, e = c.d.text[m[0].start:m[0].end], m[0].start, m[0].end
	}
	c.addWhole(r, "history", exc, s, e, map[string]string{"other": joinNames(dedupe(others))})
	return nil
}

func (c *checkCtx) massEmail(r *rule) error {
	if c.prog == nil {
		return nil
	}
	if len(c.progs) > 1 {
		// A change of address or phone told to every coordinator at once
		// is housekeeping; no letter about her interest goes to several
		// programs in one message.
		// Nor is a note to the people who ran something together ("Thank
		// you both for the feedback … at the workshop you co-led"): it is
		// written to them as a pair.
		if (reAdminNote.MatchString(c.d.lower) || reJointAddress.MatchString(c.d.lower)) && !rePitch.MatchString(c.d.lower) {
			return nil
		}
		var names []string
		for _, p := range c.progs {
			names = append(names, programName(p))
		}
		c.addWhole(r, "recipients", "To: "+joinNames(names), -1, -1, nil)
		return nil
	}
	// A form-letter greeting in the first lines.
	head := c.d.lower
	if len(head) > 200 {
		head = head[:200]
	}
	for _, g := range r.spec.GenericGreetings {
		if k := strings.Index(head, strings.ToLower(g)); k >= 0 && (k == 0 || !isWordByte(head[k-1])) {
			c.addWhole(r, "body", c.d.text[k:k+len(g)], k, k+len(g), nil)
			return nil
		}
	}
	if c.h == nil || c.d.ix.wordCount() < 40 {
		return nil
	}
	min := r.spec.Similarity
	if min <= 0 {
		min = 0.5
	}
	sims, err := c.h.SimilarSends(c.res.Facts.Sketch, c.prog.Key, min, c.histTime())
	if err != nil || len(sims) == 0 {
		return err
	}
	var names []string
	for _, s := range sims {
		name := s.Program
		if p := c.e.cfg.Program(s.Program); p != nil {
			name = programName(p)
		}
		names = append(names, name)
	}
	c.addWhole(r, "history", fmt.Sprintf("%.0f%% the same as what you sent %s on %s", sims[0].Score*100,
		joinNames(dedupe(names)), sims[0].At.Format("Jan 2")), -1, -1, nil)
	return nil
}

// reAdminNote finds a change of her contact details; rePitch, a letter's
// case for her (interest, fit, thanks for the interview, ranking).
var (
	reAdminNote    = regexp.MustCompile(`\b(?:new (?:mailing |home |postal |street )?address|new (?:mobile|phone|cell|telephone)(?: number)?|(?:mailing address|home address|address|phone number|mobile number|contact (?:information|details|info)|email address|e-mail address|surname|last name) (?:has |have |is |was )?(?:changed|change|updated|moved)|changed my (?:address|phone|number|name|surname|email|e-mail)|updated? (?:my|the) (?:contact|address|phone))`)
	reJointAddress = regexp.MustCompile(`\b(?:thank you both|thanks to you both|both of you|you both|you two|co-?(?:led|hosted|chaired|organi[sz]ed|presented|taught|moderated|ran|run)|your joint|you jointly)\b`)
	rePitch        = regexp.MustCompile(`\b(?:interest(?:ed)?|excit\w*|enthusias\w*|fit\b|look(?:ing)? forward to (?:joining|training|working)|top choice|first choice|rank\w*|impressed|passion\w*|thank you for (?:the|my|your) (?:interview|time|day|conversation|visit))`)
)

func (c *checkCtx) updateLimit(r *rule) error {
	if !c.res.Facts.Update || c.prog == nil {
		return nil
	}
	// Her own words that she writes often: that she sends updates every
	// week, or, in an update, that she is sorry to write again so soon.
	field, at, ok := c.sentenceMatching(c.e.frequent, c.d.sents)
	if !ok {
		field, at, ok = c.sentenceMatching(c.e.again, c.d.sents)
	}
	if ok {
		text := c.d.text
		if field == "subject" {
			text = c.d.subject
		}
		c.addWhole(r, field, text[at.start:at.end], at.start, at.end, map[string]string{"count": "one of many"})
		return nil
	}
	if c.h == nil {
		return nil
	}
	prior, err := c.h.Updates(c.prog.Key, c.histTime())
	if err != nil {
		return err
	}
	max := r.spec.MaxUpdates
	if max <= 0 {
		max = 2
	}
	tooMany := len(prior) >= max
	tooSoon := false
	if r.spec.MinDaysBetween > 0 && len(prior) > 0 {
		last := prior[0]
		for _, t := range prior {
			if t.After(last) {
				last = t
			}
		}
		tooSoon = c.now.Sub(last) < time.Duration(r.spec.MinDaysBetween)*24*time.Hour
	}
	if !tooMany && !tooSoon {
		return nil
	}
	exc := fmt.Sprintf("update %d to %s", len(prior)+1, programName(c.prog))
	if tooSoon && !tooMany {
		exc += fmt.Sprintf(", less than %d days after the last one", r.spec.MinDaysBetween)
	}
	c.addWhole(r, "history", exc, -1, -1, map[string]string{"count": fmt.Sprint(len(prior) + 1)})
	return nil
}

var documentExt = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".pages": true, ".ppt": true,
	".pptx": true, ".xls": true, ".xlsx": true, ".zip": true, ".txt": true, ".tex": true,
	// code and data she made ("dose_range_query.sql" beside a screenshot)
	".sql": true, ".py": true, ".r": true, ".ipynb": true, ".csv": true, ".json": true,
}

func (c *checkCtx) attachments(r *rule) {
	if len(c.msg.Attachments) == 0 {
		return
	}
	var docs, cvs []string
	cvWords := lowerAll(r.spec.CVWords)
	for _, a := range c.msg.Attachments {
		ext := strings.ToLower(path.Ext(a.Filename))
		ct := strings.ToLower(a.ContentType)
		// An image attached as a file (a poster, a scan) counts; one shown
		// in the text (a signature logo) does not.
		isDoc := documentExt[ext] || strings.HasPrefix(ct, "application/pdf") || strings.Contains(ct, "word") || strings.Contains(ct, "officedocument") ||
			strings.HasPrefix(ct, "image/") && !a.Inline
		if !isDoc || a.Inline && strings.HasPrefix(ct, "image/") {
			continue
		}
		docs = append(docs, a.Filename)
		toks := strings.FieldsFunc(strings.ToLower(strings.TrimSuffix(a.Filename, path.Ext(a.Filename))), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		for _, t := range toks {
			for _, w := range cvWords {
				if t == w {
					cvs = append(cvs, a.Filename)
				}
			}
		}
	}
	// A picture of herself ("so the committee can put a face to the name")
	// is application material whatever the file is called.
	if (strings.Contains(c.d.lower, "photo") || strings.Contains(c.d.lower, "picture") || strings.Contains(c.d.lower, "headshot") || strings.Contains(c.d.lower, "face")) && reOwnPhoto.MatchString(c.d.lower) {
		for _, a := range c.msg.Attachments {
			if strings.HasPrefix(strings.ToLower(a.ContentType), "image/") && !a.Inline {
				cvs = append(cvs, a.Filename)
			}
		}
	}
	// A document sent as proof of the hardship she tells ("my physician
	// diagnosed … I've attached her letter so you can see it is all
	// documented") is held whatever it is called: no program asks for one
	// unprompted.
	if len(docs) > 0 && reMentionsAttaching.MatchString(c.d.lower) {
		if r := c.e.byID["oversharing"]; r != nil && c.phraseMatches(r) != nil {
			cvs = append(cvs, docs...)
		}
	}
	// A letter for her application, named so in her words ("I've also
	// attached an additional letter of support from Dr. Siddiqui"), is
	// application material whatever the file is called.
	if len(docs) > 0 && len(cvs) == 0 {
		for _, s := range c.d.sents {
			if sent := c.d.lower[s.start:s.end]; reMentionsAttaching.MatchString(sent) && reLetterForHer.MatchString(sent) {
				cvs = append(cvs, docs...)
				break
			}
		}
	}
	max := r.spec.MaxDocuments
	if max <= 0 {
		max = 1
	}
	// An archive is a stack of documents in one file.
	archive := false
	for _, d := range docs {
		switch strings.ToLower(path.Ext(d)) {
		case ".zip", ".rar", ".7z", ".tar", ".gz", ".tgz":
			archive = true
		}
	}
	if len(cvs) == 0 && len(docs) <= max && !archive {
		return
	}
	// Documents that were asked for may come with one more; not with the
	// rest of the file ("the certificate is attached, and while I was at
	// it my CV, my scores and three papers").
	// (Not when she owns that the program needs nothing more: "I know you
	// said there's no need to send anything further, but I've attached …";
	// the program's own "no need to send anything else" after a request
	// only bounds it.)
	noNeed := reNoNeedToSend.MatchString(c.d.lower)
	if !noNeed && (containsAsked(strings.Join(strings.Fields(c.d.lower), " "), lowerAll(r.spec.Prompted)) || c.quotedAsks(c.e.requests)) {
		// (a quoted request may list several: receipts, a form, a photo;
		// but "I've also added a writing sample and a letter" are extras)
		extra := reAlsoAdded.MatchString(c.d.lower)
		// (one more that is application material, "also attached my
		// personal statement", is held)
		if (len(docs) <= max+3 && !extra || len(docs) <= max+1 && !(extra && len(cvs) > 0 && len(docs) > max)) && !archive {
			return
		}
	}
	c.addWhole(r, "attachments", strings.Join(docs, ", "), -1, -1, nil)
}

// reNoNeedToSend is the program's word that it needs nothing more (lower
// case).
var reNoNeedToSend = regexp.MustCompile(`\b(?:no need (?:to|for you to) (?:send|submit|upload|attach|provide|forward)|(?:do not|don't|don’t|does not|doesn't|doesn’t) need (?:anything|any) (?:further|more|else|additional)|nothing (?:further|more|else) (?:is )?(?:needed|required|necessary))\b`)

// reLetterForHer names a letter written for her application.
var reLetterForHer = regexp.MustCompile(`\b(?:letters? of (?:support|recommendation|reference|endorsement)|(?:recommendation|reference|support|supporting|endorsement) letters?|(?:additional|further|extra|another|new|fourth|updated) letters?(?: of \w+)? from)\b`)

// reMentionsAttaching finds her words about a file she attaches.
var reMentionsAttaching = regexp.MustCompile(`\b(?:attach|enclos)`)

// splitCamel turns "LastName" into "Last Name" (merge fields run words
// together).
func splitCamel(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	reAlsoAdded = regexp.MustCompile(`\b(?:also|additionally|in addition,?)\s+(?:added|attached|included|enclosed|sent)\b|\bwhile\s+i\s+was\s+at\s+it\b`)
	reOwnPhoto  = regexp.MustCompile(`\b(?:photo|photograph|headshot|picture),?\s+(?:of\s+(?:me|myself)|so\s+(?:that\s+)?(?:the\s+committee|you|everyone)\s+can)|\bface\s+to\s+(?:the|my)\s+name\b`)
)

// containsAsked reports whether text says, in one of the phrases, that the
// documents were asked for, and not that they were not ("I know it wasn't
// requested", "nobody asked for it").
func containsAsked(text string, phrases []string) bool {
	for _, p := range phrases {
		for i := cueAt(text, p, 0); i >= 0; i = cueAt(text, p, i+1) {
			// "the question you asked about portal confidentiality" asked
			// no document: a request is about what is sent.
			near := text[max(0, i-120):min(len(text), i+len(p)+120)]
			if !reNotAsked.MatchString(text[max(0, i-24):i]) && reDocWord.MatchString(near) {
				return true
			}
		}
	}
	return false
}

// reDocWord names what can be attached (lower case).
var reDocWord = regexp.MustCompile(`\b(?:attach\w*|enclos\w*|cv|c\.v\.|resume|résumé|curriculum|documents?|letters?|transcripts?|certificat\w*|papers?|manuscripts?|forms?|cop(?:y|ies)|scores?|pdfs?|files?|photo\w*|pictures?|receipts?|invoices?|abstracts?|posters?|slides|portfolio|sample|samples|publications?|reports?|statements?|passport)\b`)

// reThanksRecentCall is thanks for a call of the last day or so (lower
// case).
var reThanksRecentCall = regexp.MustCompile(`\bthank\w*\b(?:\s+you)?(?:\s+\w+){0,2}?\s+for\s+(?:(?:yesterday|today|this morning|this afternoon|last night|tonight)(?:'s|’s)\s+(?:\w+\s+){0,2}(?:call|phone call|conversation|chat|talk|meeting)\b|(?:the|our|your)\s+(?:\w+\s+){0,2}(?:call|phone call|conversation|chat|talk)\s+(?:yesterday|today|this morning|this afternoon|last night|earlier today)\b)`)

// reThanksForNote is thanks for a note, a reply or a message (lower case).
var reThanksForNote = regexp.MustCompile(`\b(?:note|reply|response|email|e-mail|message|letter|words)\b`)

// reAfterThanks names the thank-you note she sent before this letter.
var reAfterThanks = regexp.MustCompile(`\b(?:than|since|after|beyond|following|besides) my (?:quick |short |brief |earlier |first |initial |previous |original |email )?(?:thank[- ]you|thanks|note of thanks)(?: note| email| message)?\b`)

// greetingLine reports whether a sentence of the letter (lower case) is
// its short greeting ("dear dr. park,").
func greetingLine(sent string) bool { return reSalutation.MatchString(sent) && len(sent) < 60 }

// openingSentence returns the letter's first sentence after its greeting
// (lower case), or "".
func (c *checkCtx) openingSentence() string {
	for _, s := range c.d.sents {
		if sent := c.d.norm[s.start:s.end]; !greetingLine(sent) {
			return sent
		}
	}
	return ""
}

// afterThanks reports whether s names her earlier thank-you note
// (reAfterThanks), reading only around each " my ": the expression run
// over a whole letter costs more than the rest of the check.
func afterThanks(s string) bool {
	for i := strings.Index(s, " my "); i >= 0; {
		lo := i
		for lo > 0 && isWordByte(s[lo-1]) {
			lo--
		}
		switch s[lo:i] {
		case "than", "since", "after", "beyond", "following", "besides":
			if reAfterThanks.MatchString(s[lo:min(len(s), i+64)]) {
				return true
			}
		}
		j := strings.Index(s[i+1:], " my ")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// reBareThanks is thanks with no object: "Thank you so much.", "Thanks,
// Dr. Okafor!"
var reBareThanks = regexp.MustCompile(`^\W*(?:thank you|thanks|many thanks|thank you very much)(?:\s+(?:so|very)\s+much|\s+a lot|\s+kindly)?(?:,?\s+(?:dr\.?\s+)?[a-z'’-]+)?\s*[.!]+\s*$`)

// reThanksLogistics thanks for an errand, not for the interview.
var reThanksLogistics = regexp.MustCompile(`\bthank\w*\b(?:\s+you)?(?:\s+\w+){0,2}?\s+for\s+(?:\w+\s+){0,1}(?:processing|reimbursing|refunding|sending (?:the|my) (?:receipt|refund|payment|parking)|(?:my|the) (?:travel )?(?:reimbursement|receipt|refund|payment|parking|hotel|shuttle|invoice|expense)|(?:your|the|such a|so kind a|this|that|a) (?:quick |kind |prompt |detailed |helpful |clear |generous |lovely |warm |thoughtful |wonderful )?(?:answer|answers|reply|response|email|e-mail|message|note|help|information|advice|explanation|offer|suggestion|introduction|referral|patience|update|link|reminder))`)

// reThanksForPacket is thanks for papers the program sent ("Thank you for
// the post-interview packet. Two questions it didn't quite answer"): a
// reply about them (lower case).
var reThanksForPacket = regexp.MustCompile(`\bthank\w*\b(?:\s+you)?(?:\s+\w+){0,2}?\s+for\s+(?:the|your|this|that) (?:[\w-]+ ){0,2}(?:packet|packets|materials|handout|handouts|brochure|handbook|slides|deck|faq|sheet|booklet|itinerary|agenda)\b`)

// reNotAsked ends the words before a phrase of asking that deny it.
var reNotAsked = regexp.MustCompile(`(?:\bnot|n't|n’t|\bnever|\bnobody|\bno one|\bwithout being|\bun)\W*(?:\w+\W+){0,2}(?:been\W+|being\W+)?$`)

// isThankYou reports whether the message is a post-interview thank-you:
// a thank-you for the interview in the subject or the first sentences.
func (c *checkCtx) isThankYou() bool {
	// An update that also thanks is an update; "thank you again" is a
	// later letter, not the thank-you note itself.
	if len(c.e.thanks) == 0 {
		return false
	}
	// A letter written after her thank-you note ("a fuller note than my
	// quick thank-you") is not that note.
	if strings.Contains(c.d.norm, "thank") && afterThanks(c.d.norm) {
		return false
	}
	// A withdrawal that thanks for the day is a withdrawal.
	if (strings.Contains(c.d.norm, "withdr") || strings.Contains(c.d.norm, "remove")) && reWithdrawal.MatchString(c.d.norm) {
		return false
	}
	// A letter written once the Match is over to ask for feedback or
	// advice ("As you may know, I did not match … would you be willing to
	// share any feedback?") may thank for the interview, but it is not the
	// thank-you note; a plain thanks after the Match still is one.
	if strings.Contains(c.d.norm, "match") && reMatchOver.MatchString(c.d.norm) && reFeedbackAsk.MatchString(c.d.norm) {
		return false
	}
	// Thanks for a call made yesterday ("Thank you for yesterday's call. As
	// you suggested, I'm forwarding …") answer that call, not the
	// interview weeks before.
	// (the first thanks of the letter, within its first three sentences,
	// after a greeting like "Dr. Okafor,")
	for _, sp := range c.d.sents[:min(3, len(c.d.sents))] {
		if sent := c.d.norm[sp.start:sp.end]; strings.Contains(sent, "thank") {
			if reThanksRecentCall.MatchString(sent) && !strings.Contains(sent, "interview") {
				return false
			}
			break
		}
	}
	if c.res.Facts.Update {
		// Unless the letter opens by thanking for the interview (after a
		// greeting, a pleasantry or an apology for the delay): news after
		// that is the thank-you note's P.S.
		pre, lateLead := false, false
		for i, s := range c.d.sents {
			sent := c.d.norm[s.start:s.end]
			if greetingLine(sent) {
				continue
			}
			thanks := c.anyPossible(c.e.thanks, sent, i)
			// An apology for the delay and its reason ("Please forgive how
			// late this note is. … a grant deadline swallowed the whole of
			// last week.") lead the note in, as below.
			if !thanks && (reLateApology.MatchString(sent) || lateLead && reLateReason.MatchString(sent)) {
				lateLead = true
				continue
			}
			// A preamble, and the clause after its semicolon.
			cont := pre && strings.HasSuffix(strings.TrimRight(c.d.norm[:s.start], " \t\n"), ";")
			if (rePreamble.MatchString(sent) || cont) && !thanks {
				pre = true
				continue
			}
			return thanks && !thanksAgain(sent) && !reThanksLogistics.MatchString(sent)
		}
		return false
	}
	// Thanks for a second look (in the subject or a sentence) make the
	// letter's other thanks that name no interview the same visit's
	// ("Please pass my thanks along to everyone who spoke with us").
	subjNoInterview := !strings.Contains(c.d.subjNorm, "interview")
	otherVisit := subjNoInterview && reOtherVisit.MatchString(c.d.subjNorm)
	// (A subject that names the other visit, "Thank you for Friday's open
	// house", thanks for it, whatever the letter recalls of the interview.)
	if c.anyPossible(c.e.thanks, c.d.subjNorm, -1) && !reReplySubject.MatchString(c.msg.Subject) &&
		!otherVisit && !(subjNoInterview && !strings.Contains(c.d.norm, "interview") && reOtherVisit.MatchString(c.d.norm)) {
		return true
	}
	// A reply in a thread about something else ("Re: Dashboard evaluation
	// draft") thanks for the interview only in words that name it ("I
	// enjoyed every part of the day" answers the program's kind note).
	subj := strings.ToLower(c.msg.Subject)
	isReply := reReplySubject.MatchString(c.msg.Subject) && strings.TrimSpace(c.msg.Quoted) != ""
	replyElsewhere := isReply && !reAboutTheVisit.MatchString(subj)
	// A reply that opens by thanking for the program's own note ("Thank
	// you for such a generous note. … I enjoyed every part of the interview
	// day") answers that note, whatever the thread is called (not one that
	// goes on to apologise for a late note: "Thank you for the kind
	// message, and I'm sorry this is coming so long after my interview").
	// So do thanks with no object opening a reply ("Thank you so much.
	// That is very kind …").
	if isReply {
		if sent := c.openingSentence(); reThanksLogistics.MatchString(sent) && reThanksForNote.MatchString(sent) && !strings.Contains(sent, "interview") && !reLateApology.MatchString(sent) ||
			reBareThanks.MatchString(sent) || reThanksForPacket.MatchString(sent) && !reLateApology.MatchString(sent) {
			return false
		}
	}
	// A letter its subject calls something else ("Continued interest –
	// Amina Rahman", "Update: new publication", "Letter of intent") that
	// thanks in passing is that letter, not the thank-you note.
	if reOtherLetterSubject.MatchString(c.msg.Subject) && !strings.Contains(strings.ToLower(c.msg.Subject), "thank") {
		return false
	}
	// Nor is a letter whose subject is a question ("AMIA match
	// registration - which Lakeside listing is yours?"): it asks that.
	if subj := strings.TrimSpace(c.msg.Subject); strings.HasSuffix(subj, "?") && !reReplySubject.MatchString(subj) && !strings.Contains(strings.ToLower(subj), "thank") {
		return false
	}
	n := 0
	lateLead := false
	for i, s := range c.d.sents {
		sent := c.d.norm[s.start:s.end]
		if greetingLine(sent) {
			continue
		}
		// An apology for being late and its reason, opening the letter,
		// lead the note in; they do not count among its first sentences ("i'm honestly mortified
		// this is so late. i had three more interview trips … and only
		// tonight got to sit down properly. thank u for the interview").
		// (A bare name line, "Dr Moss,", greets as "Dear Dr. Moss," does.)
		if t := strings.TrimSpace(sent); n == 0 && !lateLead && len(t) < 40 && strings.HasSuffix(t, ",") && !c.anyPossible(c.e.thanks, sent, i) {
			continue
		}
		if n == 0 && !c.anyPossible(c.e.thanks, sent, i) && (reLateApology.MatchString(sent) || lateLead && reLateReason.MatchString(sent)) {
			lateLead = true
			continue
		}
		// ("Thank you again for the interview day … I'm sorry it's taken me
		// this long to write" is the thank-you note, late.)
		// ("Thank you for the interview day on November 12 and for your kind
		// note afterward" thanks for the day as well as the note.)
		if (strings.Contains(sent, "thank") || strings.Contains(sent, "appreciat") || strings.Contains(sent, "grateful")) && thanksAgain(sent) &&
			!reLateApology.MatchString(c.d.norm) && !reNeverThanked.MatchString(sent) && !(reThanksForDay.MatchString(sent) && !thanksAgainParts[0].match(sent)) {
			return false
		}
		if c.anyPossible(c.e.thanks, sent, i) {
			if replyElsewhere && !strings.Contains(sent, "interview") {
				continue
			}
			// Thanks for a second look, a day of shadowing or an open
			// house are no thanks for the interview.
			if !strings.Contains(sent, "interview") && (otherVisit || reOtherVisit.MatchString(sent)) {
				otherVisit = true
				continue
			}
			// Nor are thanks for the paperwork around it ("Thank you for
			// processing my travel reimbursement from the interview day").
			if reThanksLogistics.MatchString(sent) {
				continue
			}
			// A letter that states its top choice first and thanks for
			// the interview after it is a letter of intent.
			for _, m := range c.phraseMatches(c.e.byID["top-choice"]) {
				if m.field == "body" && m.start < s.start {
					return false
				}
			}
			// So is one that opens with her continued interest ("Harbor
			// Valley remains among my top choices") and thanks after it.
			if s.start > 0 && reInterestFirst.MatchString(c.d.norm[:s.start]) {
				return false
			}
			return true
		}
		if n++; n >= 3 {
			break
		}
	}
	return false
}

func (c *checkCtx) lateThankYou(r *rule) error {
	if !c.res.Facts.ThankYou || c.prog == nil || c.now.IsZero() {
		return nil
	}
	// The interview day is read in the zone of the draft's clock (its Date
	// header, or the machine's for the proxy): the config holds no zone
	// for a program.
	var day time.Time
	if !c.prog.Interview.IsZero() {
		day = c.prog.Interview.In(c.now.Location())
	} else if c.h != nil {
		t, ok, err := c.h.InterviewDate(c.prog.Key)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		y, mo, d := t.Date()
		day = time.Date(y, mo, d, 0, 0, 0, 0, c.now.Location())
	} else {
		return nil
	}
	grace := r.spec.GraceHours
	if grace <= 0 {
		grace = 72
	}
	// The interview takes the day; the grace runs from its end.
	due := day.Add(24*time.Hour + time.Duration(grace)*time.Hour)
	if c.now.Before(day) || !c.now.After(due) {
		return nil
	}
	days := int(c.now.Sub(day).Hours() / 24)
	c.addWhole(r, "history", fmt.Sprintf("sent %d days after the interview on %s", days, day.Format("Jan 2")), -1, -1,
		map[string]string{"days": fmt.Sprint(days)})
	return nil
}

func joinNames(n []string) string {
	switch len(n) {
	case 0:
		return ""
	case 1:
		return n[0]
	}
	return strings.Join(n[:len(n)-1], ", ") + " and " + n[len(n)-1]
}

func dedupe(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// findIf runs re over text only when text contains the character the
// expression needs.
func findIf(re *regexp.Regexp, text, need string) [][]int {
	if !strings.Contains(text, need) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// histTime is the bound for history look-ups: sends up to and including
// this message's own time count as earlier (drafts recorded in a batch
// often share one Date).
func (c *checkCtx) histTime() time.Time { return c.now.Add(time.Nanosecond) }

// sameMatch reports whether the program with key k ranks in the same match
// as the message's program (programs that name none share the season's).
func (c *checkCtx) sameMatch(k string) bool {
	p := c.e.cfg.Program(k)
	if p == nil {
		return true
	}
	return p.Match == c.prog.Match
}
