package analyzer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/fnv"
	"regexp/syntax"
	"slices"
	"sync"
)

// The prefix index holds, for every token expression of the built-in
// rules, what tokenPrefixes answers for it, worked out ahead of time
// (TestPrefixIndexUpToDate writes it with -update). Parsing those
// expressions was two thirds of building the engine. The index is keyed
// by the expression's text, so it is never wrong for a token it does not
// know (a user's rule, a rule changed since): that token is parsed as
// before. A stale index only makes the build slower.
//
//go:embed prefixindex.bin
var prefixIndexData []byte

// indexed is one token's two answers (any word, first word).
type indexed struct{ any, first prefixAnswer }

// prefixIndex decodes the embedded index once. A damaged index is
// ignored: every token is then parsed.
var prefixIndex = sync.OnceValue(func() map[uint64]indexed {
	m, err := decodePrefixIndex(prefixIndexData)
	if err != nil {
		return nil
	}
	return m
})

// exprKey is the index key of a token expression.
func exprKey(expr string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(expr))
	return h.Sum64()
}

const prefixIndexMagic = "mgpi1"

// encodePrefixIndex writes answers (keyed by expression) in the index
// format: the prefixes once, then each entry as its key, its ok flags and
// the numbers of its prefixes. The output depends only on the answers.
func encodePrefixIndex(answers map[string]indexed) []byte {
	ids := map[string]int{}
	var strs []string
	for _, a := range answers {
		for _, set := range [][]string{a.any.set, a.first.set} {
			for _, s := range set {
				if _, ok := ids[s]; !ok {
					ids[s] = 0
					strs = append(strs, s)
				}
			}
		}
	}
	slices.Sort(strs)
	for i, s := range strs {
		ids[s] = i
	}
	type entry struct {
		key uint64
		a   indexed
	}
	entries := make([]entry, 0, len(answers))
	for x, a := range answers {
		entries = append(entries, entry{exprKey(x), a})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	b := []byte(prefixIndexMagic)
	b = binary.AppendUvarint(b, uint64(len(strs)))
	for _, s := range strs {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(entries)))
	for _, e := range entries {
		b = binary.LittleEndian.AppendUint64(b, e.key)
		var flags byte
		if e.a.any.ok {
			flags |= 1
		}
		if e.a.first.ok {
			flags |= 2
		}
		b = append(b, flags)
		for _, set := range [][]string{e.a.any.set, e.a.first.set} {
			sorted := slices.Sorted(slices.Values(set))
			b = binary.AppendUvarint(b, uint64(len(sorted)))
			for _, s := range sorted {
				b = binary.AppendUvarint(b, uint64(ids[s]))
			}
		}
	}
	return b
}

var errBadIndex = errors.New("prefix index: damaged")

func decodePrefixIndex(b []byte) (map[uint64]indexed, error) {
	if len(b) < len(prefixIndexMagic) || string(b[:len(prefixIndexMagic)]) != prefixIndexMagic {
		return nil, errBadIndex
	}
	b = b[len(prefixIndexMagic):]
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	ns, ok := next()
	if !ok || ns > uint64(len(b)) {
		return nil, errBadIndex
	}
	strs := make([]string, ns)
	for i := range strs {
		l, ok := next()
		if !ok || l > uint64(len(b)) {
			return nil, errBadIndex
		}
		strs[i], b = string(b[:l]), b[l:]
	}
	ne, ok := next()
	if !ok || ne > uint64(len(b)) {
		return nil, errBadIndex
	}
	m := make(map[uint64]indexed, ne)
	for range ne {
		if len(b) < 9 {
			return nil, errBadIndex
		}
		key, flags := binary.LittleEndian.Uint64(b), b[8]
		b = b[9:]
		var a indexed
		for k, ans := range []*prefixAnswer{&a.any, &a.first} {
			ans.ok = flags&(1<<k) != 0
			n, ok := next()
			if !ok || n > uint64(len(b)) {
				return nil, errBadIndex
			}
			if n > 0 {
				ans.set = make([]string, n)
			}
			for i := range ans.set {
				id, ok := next()
				if !ok || id >= ns {
					return nil, errBadIndex
				}
				ans.set[i] = strs[id]
			}
		}
		m[key] = a
	}
	if len(b) != 0 {
		return nil, errBadIndex
	}
	return m, nil
}

// parsedTokens holds token expressions parsed for clauses' heads, shared
// by every engine of the process (the trees are only read).
var parsedTokens sync.Map // string -> *syntax.Regexp (nil: does not parse)

// parseToken parses a token expression, simplified, once per process.
func parseToken(expr string) *syntax.Regexp {
	if t, ok := parsedTokens.Load(expr); ok {
		return t.(*syntax.Regexp)
	}
	var tree *syntax.Regexp
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil {
		tree = re.Simplify()
	}
	parsedTokens.Store(expr, tree)
	return tree
}
