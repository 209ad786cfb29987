package analyzer

import (
	"crypto/sha256"
	"encoding/base64"
	"math/rand/v2"
	"strings"
	"testing"
)

// hashBase64 must agree with decodeBase64 byte for byte, or a re-sent
// draft would get a different fingerprint than the approved one.
func TestHashBase64MatchesDecode(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	inputs := []string{"", "QQ", "QUJD", "QUJDRA==", "QUJDRA", "Q", "QUJ", "Q-_-", "QU JD\r\nRA==trailing", "QU!JD*RA"}
	for _, n := range []int{1, 100, 48 << 10, 64 << 10, 200000} {
		raw := make([]byte, n)
		for i := range raw {
			raw[i] = byte(r.IntN(256))
		}
		enc := base64.StdEncoding.EncodeToString(raw)
		var b strings.Builder
		for i := 0; i < len(enc); i += 76 {
			b.WriteString(enc[i:min(i+76, len(enc))] + "\r\n")
		}
		inputs = append(inputs, b.String(), enc[:len(enc)-1])
	}
	for _, in := range inputs {
		want, wantBad := decodeBase64([]byte(in))
		size, sum, bad := hashBase64([]byte(in))
		if size != int64(len(want)) || sum != sha256.Sum256(want) || bad != wantBad {
			t.Errorf("%d-byte input: size %d bad %v, want %d %v (hash equal: %v)",
				len(in), size, bad, len(want), wantBad, sum == sha256.Sum256(want))
		}
	}
}

// BenchmarkHashBase64 reads a 20 MB attachment's base64 (76-column lines),
// the proxy's largest cost on a big message.
func BenchmarkHashBase64(b *testing.B) {
	raw := make([]byte, 15<<20)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range raw {
		raw[i] = byte(r.IntN(256))
	}
	enc := base64.StdEncoding.EncodeToString(raw)
	var sb strings.Builder
	for i := 0; i < len(enc); i += 76 {
		sb.WriteString(enc[i:min(i+76, len(enc))] + "\r\n")
	}
	in := []byte(sb.String())
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, _, bad := hashBase64(in); bad {
			b.Fatal("bad")
		}
	}
}
