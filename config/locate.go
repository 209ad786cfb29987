package config

import (
	"bufio"
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"
)

// locator finds the line of a key in TOML source. BurntSushi/toml reports
// lines for syntax errors only; for unknown keys and validation errors we
// scan the source ourselves. It understands [table] and [[array]] headers
// and plain and dotted keys, which is what config files contain.
type locator struct {
	lines []locLine
}

type locLine struct {
	n     int
	table []string // header path in effect
	index map[string]int
	key   string // first key on the line ("" for headers, blanks)
	head  bool
}

func newLocator(src []byte) *locator {
	l := &locator{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var table []string
	counts := map[string]int{}
	cur := map[string]int{}
	n := 0
	for sc.Scan() {
		n++
		s := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(s, "[["):
			end := strings.Index(s, "]]")
			if end < 0 {
				continue
			}
			table = splitKey(s[2:end])
			p := strings.Join(table, ".")
			cur = copyMap(cur)
			cur[p] = counts[p]
			counts[p]++
			// A new element of an array restarts the arrays nested in it.
			for k := range counts {
				if strings.HasPrefix(k, p+".") {
					delete(counts, k)
				}
			}
			l.lines = append(l.lines, locLine{n: n, table: table, index: cur, head: true})
		case strings.HasPrefix(s, "["):
			end := strings.Index(s, "]")
			if end < 0 {
				continue
			}
			table = splitKey(s[1:end])
			l.lines = append(l.lines, locLine{n: n, table: table, index: cur, head: true})
		default:
			eq := strings.Index(s, "=")
			if eq <= 0 || strings.HasPrefix(s, "#") {
				continue
			}
			key := splitKey(s[:eq])
			full := append(append([]string{}, table...), key...)
			l.lines = append(l.lines, locLine{n: n, table: full[:len(full)-1], index: cur, key: full[len(full)-1]})
		}
	}
	return l
}

func copyMap(m map[string]int) map[string]int {
	c := make(map[string]int, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func splitKey(s string) []string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return parts
}

// keyLine returns the first line defining key, or 0.
func (l *locator) keyLine(k toml.Key) int {
	return l.find(k, nil)
}

// find returns the line of key k; idx, when set, selects elements of
// arrays of tables by their dotted path ("program" → 2).
func (l *locator) find(k []string, idx map[string]int) int {
	if len(k) == 0 {
		return 0
	}
	parent := strings.Join(k[:len(k)-1], ".")
	last := k[len(k)-1]
	for _, ln := range l.lines {
		if !matchIndex(ln.index, idx) {
			continue
		}
		if !ln.head && ln.key == last && strings.Join(ln.table, ".") == parent {
			return ln.n
		}
		if ln.head && strings.Join(ln.table, ".") == strings.Join(k, ".") {
			return ln.n
		}
	}
	return 0
}

func matchIndex(have, want map[string]int) bool {
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}
