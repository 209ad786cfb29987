package timeline

import (
	"math/rand/v2"
	"strings"
)

// textGen makes distinct letter-like texts from a fixed vocabulary with a
// seeded PRNG, so tests and benchmarks are repeatable.
type textGen struct {
	r     *rand.Rand
	vocab []string
}

func newTextGen(seed uint64) *textGen {
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fe", "gu", "ho", "ji", "ze", "pa"}
	var vocab []string
	for _, a := range syll {
		for _, b := range syll {
			for _, c := range []string{"", "n", "r", "s"} {
				vocab = append(vocab, a+b+c)
			}
		}
	}
	return &textGen{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), vocab: vocab}
}

// text returns n words.
func (g *textGen) text(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = g.vocab[g.r.IntN(len(g.vocab))]
	}
	return strings.Join(w, " ")
}

// edit returns text with k of its words replaced.
func (g *textGen) edit(text string, k int) string {
	w := strings.Fields(text)
	for range k {
		w[g.r.IntN(len(w))] = g.vocab[g.r.IntN(len(g.vocab))]
	}
	return strings.Join(w, " ")
}
