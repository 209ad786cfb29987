package analyzer

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"sort"
	"strings"
)

// Fingerprint identifies a draft for review approval: the same draft sent
// again — whatever new Message-ID, Date, MIME boundaries or transfer
// encoding the client makes — has the same fingerprint, and any change of
// recipients, subject, text or attachment content changes it.
//
// It is the hex SHA-256 over, in order: the recipients (rcpts when non-nil,
// else m.Recipients()), lower-cased, de-duplicated and sorted; the Subject
// with blanks collapsed (a leading "Re:" or "Fwd:" kept as written); the
// Text with CRLF made LF, trailing blanks stripped, runs of empty lines
// collapsed and trimmed; and the attachments' SHA256s, sorted. Each field is
// length-prefixed, so no two different inputs run together.
func Fingerprint(m *Message, rcpts []string) string {
	if rcpts == nil {
		rcpts = m.Recipients()
	}
	seen := make(map[string]bool, len(rcpts))
	rs := make([]string, 0, len(rcpts))
	for _, r := range rcpts {
		r = strings.ToLower(strings.Trim(strings.TrimSpace(r), "<>"))
		if r == "" || seen[r] {
			continue
		}
		seen[r] = true
		rs = append(rs, r)
	}
	sort.Strings(rs)

	atts := make([]string, 0, len(m.Attachments))
	for _, a := range m.Attachments {
		atts = append(atts, strings.ToLower(a.SHA256))
	}
	sort.Strings(atts)

	h := sha256.New()
	fpField(h, "fingerprint-v1")
	fpField(h, "rcpt")
	fpCount(h, len(rs))
	for _, r := range rs {
		fpField(h, r)
	}
	fpField(h, "subject")
	fpField(h, strings.Join(strings.Fields(m.Subject), " "))
	fpField(h, "text")
	fpField(h, fingerprintText(m.Text))
	fpField(h, "attachments")
	fpCount(h, len(atts))
	for _, a := range atts {
		fpField(h, a)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func fpField(h hash.Hash, s string) {
	fpCount(h, len(s))
	h.Write([]byte(s))
}

func fpCount(h hash.Hash, n int) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// normalizeText makes LF line ends, strips trailing blanks, collapses runs
// of empty lines to one and trims.
func fingerprintText(t string) string {
	return joinCollapsed(strings.Split(normalizeNewlines(t), "\n"))
}
