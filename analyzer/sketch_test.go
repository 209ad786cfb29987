package analyzer

import (
	"encoding/binary"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"
	"unicode"
)

// refSketch is NewSketch written plainly, as the ledger's sketches were
// first computed: the fast version must give exactly the same values, or
// sends recorded before an upgrade stop matching those after it.
func refSketch(text string) Sketch {
	var words []uint64
	var h uint64
	in := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				h, in = fnvOffset, true
			}
			for r = unicode.ToLower(r); r > 0; r >>= 8 {
				h = (h ^ uint64(r&0xff)) * fnvPrime
			}
			continue
		}
		if in {
			words = append(words, h)
			in = false
		}
	}
	if in {
		words = append(words, h)
	}
	var sk Sketch
	if len(words) < shingleWords {
		return sk
	}
	for i := range sk {
		sk[i] = ^uint64(0)
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		x := mix(mix(words[i]) ^ words[i+1]*0x9e3779b97f4a7c15 ^ words[i+2]*0xc2b2ae3d27d4eb4f)
		for j := range sk {
			if v := seedMul[j]*x + seedAdd[j]; v < sk[j] {
				sk[j] = v
			}
		}
	}
	return sk
}

func sketchDigest(sk Sketch) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for _, v := range sk {
		binary.LittleEndian.PutUint64(b[:], v)
		h.Write(b[:])
	}
	return h.Sum64()
}

// TestSketchStable pins sketches of fixed texts: the values are stored in
// users' ledgers, so any change here must come with a migration.
func TestSketchStable(t *testing.T) {
	tests := []struct {
		text string
		want uint64
	}{
		{"Dear Dr. Okafor, thank you for the interview on Tuesday. I enjoyed meeting the faculty and learning about the informatics curriculum.", 0x11ea50f0146d37cd},
		{"Ünïcode Straße ĞÜŞ naïve café 12 déjà-vu İstanbul ΣΟΦΙΑ σοφία ﬁne", 0x6e0face89d4837ec},
		{"a b", 0xfcfda4c07d71b8a5}, // too short: the zero sketch
	}
	for _, tt := range tests {
		if got := sketchDigest(NewSketch(tt.text)); got != tt.want {
			t.Errorf("NewSketch(%.30q) digest = %#x, want %#x", tt.text, got, tt.want)
		}
	}
}

// TestSketchMatchesReference compares NewSketch with refSketch on every
// outgoing corpus file's raw text and on odd byte strings.
func TestSketchMatchesReference(t *testing.T) {
	texts := []string{"", "x", "\xff\xfe bad \xc3 utf8 \xe2\x82", "ABC def GHI", "Ǆemal ǅ ǆ İI ıi ẞ ß", "one\x00two\x00three four"}
	files, _ := filepath.Glob("../testdata/mail/out/*.eml")
	for i, f := range files {
		if testing.Short() && i%10 != 0 {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	for _, s := range texts {
		if got, want := NewSketch(s), refSketch(s); got != want {
			t.Fatalf("NewSketch differs from the reference on %.60q", s)
		}
	}
}

func BenchmarkNewSketch(b *testing.B) {
	text := Parse(typicalDraft()).Text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NewSketch(text)
	}
}
