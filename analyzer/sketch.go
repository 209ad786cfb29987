package analyzer

import (
	"encoding/binary"
	"hash/fnv"
	"unicode"
	"unicode/utf8"
)

// Sketch sizes: SketchHashes MinHash values, grouped into SketchBands bands
// of SketchRows rows for locality-sensitive lookup. Two texts with Jaccard
// similarity 0.5 share at least one band with probability 0.93; texts at
// 0.05 almost never do.
const (
	SketchHashes = 60
	SketchBands  = 20
	SketchRows   = SketchHashes / SketchBands
	shingleWords = 3
)

// Sketch is a MinHash signature of a text's word 3-shingles. The zero
// Sketch means "no text". Sketches are stored in the ledger: a change to
// how they are computed makes old and new sends incomparable.
type Sketch [SketchHashes]uint64

// seedMul and seedAdd are the MinHash functions' parameters (hash j is
// seedMul[j]*x + seedAdd[j]), fixed so sketches stored in the ledger stay
// comparable. Two arrays, not pairs, so the loop over them runs straight.
var seedMul, seedAdd = func() (mul, add [SketchHashes]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 { // splitmix64
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range mul {
		mul[i], add[i] = next()|1, next()
	}
	return
}()

// NewSketch returns the MinHash of text's word shingles (lower-cased,
// punctuation dropped). Texts shorter than one shingle give the zero Sketch.
func NewSketch(text string) Sketch {
	// Hash each word once (FNV-1a over its lower-cased letters and
	// digits, byte by byte of each rune), then a shingle from its three
	// word hashes: no allocation per word or shingle.
	words := make([]uint64, 0, len(text)/5)
	var h uint64
	in := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if in {
					words = append(words, h)
					in = false
				}
				continue
			}
			if !in {
				h, in = fnvOffset, true
			}
			h = (h ^ uint64(c)) * fnvPrime
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if in {
				words = append(words, h)
				in = false
			}
			continue
		}
		if !in {
			h, in = fnvOffset, true
		}
		for r = unicode.ToLower(r); r > 0; r >>= 8 {
			h = (h ^ uint64(r&0xff)) * fnvPrime
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
			sk[j] = min(sk[j], seedMul[j]*x+seedAdd[j])
		}
	}
	return sk
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is splitmix64's finalizer: spreads a hash's bits.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// IsZero reports whether the sketch holds no text.
func (s *Sketch) IsZero() bool { return *s == Sketch{} }

// Similarity estimates the Jaccard similarity of the two texts.
func (s *Sketch) Similarity(o *Sketch) float64 {
	if s.IsZero() || o.IsZero() {
		return 0
	}
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / SketchHashes
}

// Bands returns one hash per band; two sketches sharing a band hash are
// candidates for a near-duplicate.
func (s *Sketch) Bands() [SketchBands]uint64 {
	var out [SketchBands]uint64
	var buf [8]byte
	for b := range out {
		h := fnv.New64a()
		binary.LittleEndian.PutUint64(buf[:], uint64(b))
		h.Write(buf[:])
		for _, v := range s[b*SketchRows : (b+1)*SketchRows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		// SQLite integers are signed 64-bit: keep the top bit clear.
		out[b] = h.Sum64() >> 1
	}
	return out
}

// MarshalBinary encodes the sketch as little-endian uint64s.
func (s *Sketch) MarshalBinary() ([]byte, error) {
	b := make([]byte, 8*SketchHashes)
	for i, v := range s {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote; an empty slice gives
// the zero sketch.
func (s *Sketch) UnmarshalBinary(b []byte) error {
	*s = Sketch{}
	if len(b) == 0 {
		return nil
	}
	if len(b) != 8*SketchHashes {
		return errSketchSize
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return nil
}

type sketchError string

func (e sketchError) Error() string { return string(e) }

const errSketchSize = sketchError("analyzer: stored sketch has the wrong size")
