package analyzer

// The message reader.
//
// Header fields are interpreted with go-message (mail.Header for addresses,
// subject, date and message ids; message.Header for Content-Type and
// Content-Disposition with RFC 2231 parameters; the charset package for
// every charset). The MIME structure, however, is split here over the raw
// bytes rather than with go-message's streaming readers, because those abort
// the whole walk on an unknown transfer encoding, a missing final boundary,
// a malformed header line or an overlong line (see PITFALLS.md), and a
// message we judge must never be dropped for that. Where RFC 2045/2046 and
// real mail disagree we follow real mail and say so in Message.Problems:
//
//   - header lines that are not "name: value" are skipped; a message whose
//     first line is not a header field has no header at all (its bytes are
//     the body);
//   - an unknown Content-Transfer-Encoding is read as 8bit;
//   - quoted-printable and base64 are decoded leniently (bad escapes are
//     kept, stray characters skipped, padding optional);
//   - a multipart without its closing boundary ends at the end of input;
//   - an unknown or wrong charset is read as UTF-8 when the bytes are valid
//     UTF-8, else as Windows-1252 (the superset of Latin-1 that mail in the
//     wild means by it);
//   - multipart nesting deeper than maxDepth is not descended into.

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // registers every charset with go-message
	gomail "github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
	"golang.org/x/text/encoding/charmap"
)

const (
	// maxDepth caps multipart and message/rfc822 nesting.
	maxMIMEDepth = 30
	// maxParts caps the number of MIME parts read from one message.
	maxParts = 2000
	// maxProblems caps Message.Problems; later ones are counted only.
	maxProblems = 50
)

// keptHeaders are the raw header fields copied to Message.Headers.
var keptHeaders = [...]string{
	"Sender", "X-Mailer", "User-Agent", "Precedence", "List-Unsubscribe",
	"Auto-Submitted", "Content-Type",
}

// Parse reads a raw RFC 5322 message. It never fails and never panics: what
// cannot be read is listed in Message.Problems and the rest is filled in.
func Parse(raw []byte) (m *Message) {
	m = &Message{Size: len(raw)}
	r := &msgReader{m: m}
	defer func() {
		// Parse must not take the proxy down whatever the input; a panic
		// here is a bug, reported as a problem with the raw text kept.
		if p := recover(); p != nil {
			m.Problems = append(m.Problems, fmt.Sprintf("internal error reading message: %v", p))
			if m.Text == "" {
				_, body, _ := splitHeader(raw)
				m.Text = normalizeNewlines(toUTF8(body, ""))
				m.Own, m.Quoted, m.Signature = SplitOwn(m.Text)
			}
		}
	}()

	hdrBytes, body, hasHeader := splitHeader(raw)
	if !hasHeader && len(bytes.TrimSpace(raw)) > 0 {
		r.problem("no header: the whole message is read as text")
	}
	h := r.parseHeader(hdrBytes)
	r.readEnvelope(h)
	r.walk(h, body, 0, false, false)
	r.finish()
	return m
}

// reader collects what the MIME walk finds.
type msgReader struct {
	m        *Message
	texts    []string // the message's own text parts, in order
	fwd      []string // text of attached message/rfc822 parts
	htmlAlt  []string // HTML alternatives not read as text (Message.htmlAlt)
	plain    int      // non-empty text/plain parts read
	html     int      // non-empty text/html parts read
	parts    int
	dropped  int // problems beyond maxProblems
	deepSeen bool
}

// plainHyphens writes the Unicode hyphens some editors put between words
// (U+2010, and the non-breaking U+2011 of "number‑one") as "-", which is
// what the rules read.
func plainHyphens(s string) string {
	if !strings.Contains(s, "\u2010") && !strings.Contains(s, "\u2011") {
		return s
	}
	return hyphenReplacer.Replace(s)
}

var hyphenReplacer = strings.NewReplacer("\u2010", "-", "\u2011", "-")

func (r *msgReader) problem(format string, args ...any) {
	if len(r.m.Problems) >= maxProblems {
		r.dropped++
		return
	}
	r.m.Problems = append(r.m.Problems, fmt.Sprintf(format, args...))
}

func (r *msgReader) finish() {
	m := r.m
	body := plainHyphens(joinTexts(r.texts))
	fwd := plainHyphens(joinTexts(r.fwd))
	m.Text = body
	m.htmlAlt = joinTexts(r.htmlAlt)
	if fwd != "" {
		if m.Text != "" {
			m.Text += "\n\n"
		}
		m.Text += fwd
	}
	m.HTMLOnly = r.html > 0 && r.plain == 0
	m.Own, m.Quoted, m.Signature = SplitOwn(body)
	if fwd != "" {
		if m.Quoted != "" {
			m.Quoted += "\n\n"
		}
		m.Quoted += fwd
	}
	if r.dropped > 0 {
		m.Problems = append(m.Problems, fmt.Sprintf("%d more problems not listed", r.dropped))
	}
}

func joinTexts(ts []string) string {
	var b strings.Builder
	for _, t := range ts {
		t = strings.Trim(t, "\n")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t)
	}
	return b.String()
}

// ---- header ----------------------------------------------------------------

// splitHeader splits raw at the first empty line. hasHeader is false when
// the first line is not a header field: then the whole input is the body.
// A header that runs to the end of input without an empty line ends at its
// last field line; lines after it that are not fields are the body.
func splitHeader(raw []byte) (hdr, body []byte, hasHeader bool) {
	pos := 0
	lastField := 0 // end of the last line that was a field or continuation
	first := true
	inField := false
	for pos < len(raw) {
		end := bytes.IndexByte(raw[pos:], '\n')
		next := len(raw)
		if end >= 0 {
			next = pos + end + 1
		}
		line := trimCR(raw[pos:next])
		if len(line) == 0 {
			if first {
				return nil, raw[next:], true // empty header
			}
			return raw[:pos], raw[next:], true
		}
		switch {
		case first && bytes.HasPrefix(line, []byte("From ")):
			// mbox "From " separator line
			lastField = next
		case isFieldLine(line):
			inField = true
			lastField = next
		case (line[0] == ' ' || line[0] == '\t') && inField:
			lastField = next
		case first:
			return nil, raw, false
		default:
			inField = false
		}
		first = false
		pos = next
	}
	// No empty line: the header ends with its last field line.
	return raw[:lastField], raw[lastField:], !first
}

func trimCR(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// isFieldLine reports whether line is "name: value" with a valid name
// (RFC 5322 ftext; trailing blanks before the colon tolerated).
func isFieldLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	name := bytes.TrimRight(line[:i], " \t")
	if len(name) == 0 {
		return false
	}
	for _, c := range name {
		if c < 33 || c > 126 {
			return false
		}
	}
	return true
}

// parseHeader reads header fields leniently into a go-message header:
// folded lines are unfolded, lines that are not fields are skipped (and
// noted), 8-bit bytes are read as UTF-8 or Windows-1252.
func (r *msgReader) parseHeader(hb []byte) textproto.Header {
	var h textproto.Header
	var name string
	var val []byte
	flush := func() {
		if name != "" {
			v := strings.TrimSpace(toUTF8(val, ""))
			h.Add(name, v)
		}
		name, val = "", nil
	}
	for len(hb) > 0 {
		end := bytes.IndexByte(hb, '\n')
		var line []byte
		if end < 0 {
			line, hb = hb, nil
		} else {
			line, hb = hb[:end], hb[end+1:]
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if name != "" {
				val = append(val, line...)
				continue
			}
			r.problem("header: continuation line without a field skipped")
			continue
		}
		if bytes.HasPrefix(line, []byte("From ")) && h.Len() == 0 && name == "" {
			continue // mbox separator
		}
		if !isFieldLine(line) {
			flush()
			r.problem("header: malformed line skipped: %.60q", line)
			continue
		}
		flush()
		i := bytes.IndexByte(line, ':')
		name = textprotoCanonical(string(bytes.TrimRight(line[:i], " \t")))
		val = append([]byte(nil), line[i+1:]...)
	}
	flush()
	return h
}

// textprotoCanonical is the canonical MIME header key ("message-id" →
// "Message-Id"), as go-message stores keys.
func textprotoCanonical(k string) string {
	b := []byte(k)
	upper := true
	for i, c := range b {
		if upper && 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		} else if !upper && 'A' <= c && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
		upper = c == '-'
	}
	return string(b)
}

// readEnvelope fills the header-derived fields of r.m.
func (r *msgReader) readEnvelope(th textproto.Header) {
	m := r.m
	h := gomail.Header{Header: message.Header{Header: th}}

	m.From = r.addressList(&h, "From")
	m.To = r.addressList(&h, "To")
	m.Cc = r.addressList(&h, "Cc")
	m.Bcc = r.addressList(&h, "Bcc")
	m.ReplyTo = r.addressList(&h, "Reply-To")
	m.Sender = r.addressList(&h, "Sender")
	m.Subject = r.decodeText(h.Get("Subject"), "Subject")
	m.Date = r.date(h.Get("Date"))

	m.MessageID = r.msgID(&h, "Message-Id")
	if ids := r.msgIDs(&h, "In-Reply-To"); len(ids) > 0 {
		m.InReplyTo = ids[0]
	}
	m.References = r.msgIDs(&h, "References")
	m.ListID = r.decodeText(h.Get("List-Id"), "List-Id")
	m.AutoSubmitted = autoSubmitted(th)

	for _, k := range keptHeaders {
		if v := th.Get(k); v != "" {
			if m.Headers == nil {
				m.Headers = make(map[string]string, len(keptHeaders))
			}
			m.Headers[k] = v
		}
	}
}

// autoSubmitted reports an automatic message: Auto-Submitted other than
// "no" (RFC 3834), X-Autoreply, X-Autorespond, or Precedence auto_reply,
// bulk or junk. X-Auto-Response-Suppress only asks others not to reply
// automatically and does not count.
func autoSubmitted(h textproto.Header) bool {
	if v := strings.ToLower(strings.TrimSpace(h.Get("Auto-Submitted"))); v != "" {
		if tok, _, _ := strings.Cut(v, ";"); strings.TrimSpace(tok) != "no" {
			return true
		}
	}
	for _, k := range []string{"X-Autoreply", "X-Autorespond"} {
		if v := strings.ToLower(strings.TrimSpace(h.Get(k))); v != "" && v != "no" && v != "false" {
			return true
		}
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Precedence"))) {
	case "auto_reply", "bulk", "junk":
		return true
	}
	return false
}

// wordDecoder decodes RFC 2047 encoded words in any charset; an unknown
// charset is read as UTF-8 or Windows-1252 and noted.
func (r *msgReader) wordDecoder(field string) *mime.WordDecoder {
	return &mime.WordDecoder{CharsetReader: func(cs string, in io.Reader) (io.Reader, error) {
		lc := strings.ToLower(cs)
		if lc == "utf-8" || lc == "us-ascii" || lc == "utf8" {
			return in, nil
		}
		if rd, err := message.CharsetReader(cs, in); err == nil && rd != nil {
			return rd, nil
		}
		r.problem("%s: unknown charset %q", field, cs)
		b, _ := io.ReadAll(in)
		return strings.NewReader(toUTF8(b, "")), nil
	}}
}

// decodeText decodes a header field's encoded words; on a malformed word
// the raw value is kept.
func (r *msgReader) decodeText(v, field string) string {
	if v == "" {
		return ""
	}
	if !strings.Contains(v, "=?") {
		return v
	}
	d, err := r.wordDecoder(field).DecodeHeader(v)
	if err != nil {
		r.problem("%s: %v", field, err)
		return v
	}
	return strings.ToValidUTF8(d, "\uFFFD")
}

// addressList parses an address list; when the strict parser rejects the
// list, each comma-separated entry is parsed on its own so one bad address
// does not lose the others.
func (r *msgReader) addressList(h *gomail.Header, key string) []Address {
	v := h.Get(key)
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if list, err := gomail.ParseAddressList(v); err == nil {
		out := make([]Address, 0, len(list))
		for _, a := range list {
			out = append(out, Address{Name: a.Name, Addr: a.Address})
		}
		return out
	}
	var out []Address
	for _, entry := range splitAddressList(v) {
		a, ok := r.lenientAddress(entry, key)
		if ok {
			out = append(out, a)
		}
	}
	return out
}

// splitAddressList splits at commas and semicolons outside quotes, angle
// brackets and comments.
func splitAddressList(v string) []string {
	var out []string
	var quote, esc bool
	angle, paren := 0, 0
	start := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case esc:
			esc = false
		case c == '\\':
			esc = true
		case quote:
			if c == '"' {
				quote = false
			}
		case c == '"':
			quote = true
		case c == '(':
			paren++
		case c == ')' && paren > 0:
			paren--
		case paren > 0:
		case c == '<':
			angle++
		case c == '>' && angle > 0:
			angle--
		case angle == 0 && (c == ',' || c == ';'):
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return append(out, v[start:])
}

func (r *msgReader) lenientAddress(s, key string) (Address, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Address{}, false
	}
	// group syntax "Friends: a@b" — drop the display name of the group
	if i := strings.IndexByte(s, ':'); i >= 0 && !strings.ContainsAny(s[:i], "<\"@") {
		s = strings.TrimSpace(s[i+1:])
		if s == "" {
			return Address{}, false
		}
	}
	if a, err := gomail.ParseAddress(s); err == nil {
		return Address{Name: a.Name, Addr: a.Address}, true
	}
	var name, addr string
	if i := strings.LastIndexByte(s, '<'); i >= 0 {
		rest := s[i+1:]
		if j := strings.IndexByte(rest, '>'); j >= 0 {
			rest = rest[:j]
		}
		addr = strings.TrimSpace(rest)
		name = strings.TrimSpace(s[:i])
	} else {
		for _, f := range strings.Fields(s) {
			if strings.Contains(f, "@") {
				addr = strings.Trim(f, "<>()\"',;")
				name = strings.TrimSpace(strings.Replace(s, f, "", 1))
				break
			}
		}
	}
	if at := strings.LastIndexByte(addr, '@'); at <= 0 || at == len(addr)-1 || strings.Count(addr, "@") > 1 {
		r.problem("%s: unreadable address skipped: %.60q", key, s)
		return Address{}, false
	}
	r.problem("%s: malformed address read leniently: %.60q", key, s)
	name = strings.Trim(name, " \t\"'")
	name = r.decodeText(name, key)
	return Address{Name: name, Addr: addr}, true
}

// dateLayouts are tried after net/mail's RFC 5322 parser.
var dateLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Monday, 2 Jan 2006 15:04:05 -0700",
	"Monday, January 2, 2006 3:04 PM",
	"Mon, 2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04:05",
	"Mon Jan 2 15:04:05 2006",
	"Mon Jan 2 15:04:05 MST 2006",
	"Mon Jan 2 15:04:05 -0700 2006",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"01/02/2006 15:04:05",
}

func (r *msgReader) date(v string) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	// The form nearly every client writes, tried first: mail.ParseDate
	// goes through its layouts one by one, making an error for each miss.
	if t, err := time.Parse("Mon, 2 Jan 2006 15:04:05 -0700", v); err == nil {
		return t
	}
	if t, err := mail.ParseDate(v); err == nil {
		return t
	}
	s := v
	// drop a trailing comment "(UTC)" and collapse blanks
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Replace(s, ".,", ",", 1)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	// "Mon, 02 Jan 2006 15:04:05 +0000 GMT": drop trailing words
	if f := strings.Fields(s); len(f) > 4 {
		if t, err := mail.ParseDate(strings.Join(f[:len(f)-1], " ")); err == nil {
			return t
		}
	}
	r.problem("Date: unreadable %.60q", v)
	return time.Time{}
}

func (r *msgReader) msgID(h *gomail.Header, key string) string {
	ids := r.msgIDs(h, key)
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// msgIDs returns message ids with their angle brackets. A value the strict
// parser rejects is split at blanks instead.
func (r *msgReader) msgIDs(h *gomail.Header, key string) []string {
	v := strings.TrimSpace(h.Get(key))
	if v == "" {
		return nil
	}
	if ids, err := h.MsgIDList(key); err == nil && len(ids) > 0 {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = "<" + id + ">"
		}
		return out
	}
	var out []string
	for _, f := range strings.FieldsFunc(v, func(c rune) bool { return c == ' ' || c == '\t' || c == ',' }) {
		if strings.HasPrefix(f, "<") || strings.Contains(f, "@") {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		out = []string{v}
	}
	return out
}

// ---- body ------------------------------------------------------------------

// part is one MIME entity: its header and raw (still encoded) body.
type mimePart struct {
	h    textproto.Header
	body []byte
}

// contentType returns the lower-cased media type and its parameters
// (RFC 2231 and RFC 2047 decoded). A missing or unreadable type is
// text/plain (RFC 2045 section 5.2).
func (r *msgReader) contentType(h textproto.Header) (string, map[string]string) {
	v := h.Get("Content-Type")
	if strings.TrimSpace(v) == "" {
		return "text/plain", nil
	}
	mh := message.Header{Header: h}
	t, params, err := mh.ContentType()
	if err == nil {
		return strings.ToLower(t), params
	}
	t, params = lenientParams(v)
	if !strings.Contains(t, "/") {
		r.problem("Content-Type: unreadable %.60q, read as text/plain", v)
		return "text/plain", params
	}
	return t, params
}

// disposition returns the lower-cased disposition and its parameters.
func (r *msgReader) disposition(h textproto.Header) (string, map[string]string) {
	v := h.Get("Content-Disposition")
	if strings.TrimSpace(v) == "" {
		return "", nil
	}
	mh := message.Header{Header: h}
	d, params, err := mh.ContentDisposition()
	if err == nil {
		return strings.ToLower(d), params
	}
	return lenientParams(v)
}

// lenientParams reads "type; k=v; k*=charset”pct; k*0=..." without
// failing, for values mime.ParseMediaType rejects.
func lenientParams(v string) (string, map[string]string) {
	t, rest, _ := strings.Cut(v, ";")
	params := map[string]string{}
	cont := map[string][]string{}
	for _, p := range splitParams(rest) {
		k, val, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		val = strings.TrimSpace(val)
		if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
			val = strings.ReplaceAll(val[1:len(val)-1], `\"`, `"`)
		}
		if base, _, ok := strings.Cut(k, "*"); ok {
			cont[base] = append(cont[base], k+"="+val)
			continue
		}
		if _, dup := params[k]; !dup {
			params[k] = decodeWordsLenient(val)
		}
	}
	for base, vals := range cont {
		if _, ok := params[base]; ok {
			continue
		}
		params[base] = decode2231(vals)
	}
	return strings.ToLower(strings.TrimSpace(t)), params
}

func splitParams(s string) []string {
	var out []string
	quote := false
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quote = !quote
		case ';':
			if !quote {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// decode2231 joins RFC 2231 continuations ("name*0*=utf-8”a%20", "name*1=b")
// in order and decodes the charset.
func decode2231(kvs []string) string {
	type seg struct {
		n   int
		enc bool
		v   string
	}
	segs := make([]seg, 0, len(kvs))
	for _, kv := range kvs {
		k, v, _ := strings.Cut(kv, "=")
		_, suf, _ := strings.Cut(k, "*")
		s := seg{v: v}
		if strings.HasSuffix(suf, "*") || suf == "" {
			s.enc = true
			suf = strings.TrimSuffix(suf, "*")
		}
		fmt.Sscanf(suf, "%d", &s.n)
		segs = append(segs, s)
	}
	// insertion sort: few segments
	for i := 1; i < len(segs); i++ {
		for j := i; j > 0 && segs[j].n < segs[j-1].n; j-- {
			segs[j], segs[j-1] = segs[j-1], segs[j]
		}
	}
	cs := ""
	var b []byte
	for i, s := range segs {
		v := s.v
		if s.enc {
			if i == 0 {
				if p := strings.SplitN(v, "'", 3); len(p) == 3 {
					cs, v = p[0], p[2]
				}
			}
			b = append(b, percentDecode(v)...)
		} else {
			b = append(b, v...)
		}
	}
	return decodeCharset(b, cs)
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]) {
			out = append(out, hexValue(s[i+1])<<4|hexValue(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func decodeWordsLenient(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	d := mime.WordDecoder{CharsetReader: func(cs string, in io.Reader) (io.Reader, error) {
		b, _ := io.ReadAll(in)
		return strings.NewReader(decodeCharset(b, cs)), nil
	}}
	if out, err := d.DecodeHeader(s); err == nil {
		return out
	}
	return s
}

// decodeCharset converts b from charset cs to UTF-8 without failing.
func decodeCharset(b []byte, cs string) string {
	lc := strings.ToLower(strings.TrimSpace(cs))
	switch lc {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return toUTF8(b, "")
	}
	if rd, err := message.CharsetReader(lc, bytes.NewReader(b)); err == nil && rd != nil {
		if out, err := io.ReadAll(rd); err == nil {
			return strings.ToValidUTF8(string(out), "\uFFFD")
		}
	}
	return toUTF8(b, "")
}

// walk reads one entity. forwarded is true inside an attached message;
// skipHTML is true inside a multipart/alternative that has a text/plain
// alternative.
func (r *msgReader) walk(h textproto.Header, body []byte, depth int, forwarded, skipHTML bool) {
	r.parts++
	if r.parts > maxParts {
		if r.parts == maxParts+1 {
			r.problem("more than %d MIME parts: the rest is not read", maxParts)
		}
		return
	}
	ct, params := r.contentType(h)
	disp, dparams := r.disposition(h)
	filename := dparams["filename"]
	if filename == "" {
		filename = params["name"]
	}
	if filename == "" {
		// mime.ParseMediaType drops RFC 2231 values in charsets other
		// than UTF-8 and ASCII ("filename*=iso-8859-1''r%E9sum%E9.pdf").
		for _, k := range []string{"Content-Disposition", "Content-Type"} {
			if v := h.Get(k); strings.Contains(strings.ToLower(v), "name*") {
				_, p := lenientParams(v)
				if filename = p["filename"]; filename == "" {
					filename = p["name"]
				}
				if filename != "" {
					break
				}
			}
		}
	}
	filename = strings.TrimSpace(decodeWordsLenient(filename))
	isFile := disp == "attachment" || filename != ""

	switch {
	case strings.HasPrefix(ct, "multipart/"):
		if depth >= maxMIMEDepth {
			if !r.deepSeen {
				r.deepSeen = true
				r.problem("MIME nesting deeper than %d: inner parts not read", maxMIMEDepth)
			}
			return
		}
		r.multipart(ct, params, body, depth, forwarded, skipHTML)
		return
	case ct == "message/rfc822" || ct == "message/global":
		data := r.decodeBody(h, body)
		r.attach(filename, ct, data, disp == "inline")
		if depth >= maxMIMEDepth {
			if !r.deepSeen {
				r.deepSeen = true
				r.problem("MIME nesting deeper than %d: inner parts not read", maxMIMEDepth)
			}
			return
		}
		// the attached message's text is forwarded text; its own
		// attachments are part of the attachment listed above
		sub := &msgReader{m: &Message{}, parts: r.parts}
		ih, ib, _ := splitHeader(data)
		hh := sub.parseHeader(ih)
		sub.walk(hh, ib, depth+1, true, false)
		r.parts = sub.parts
		for _, p := range sub.m.Problems {
			r.problem("attached message: %s", p)
		}
		if t := joinTexts(append(sub.texts, sub.fwd...)); t != "" {
			r.fwd = append(r.fwd, forwardHeader(hh, sub)+t)
		}
		return
	case ct == "text/calendar" || ct == "application/ics" || ct == "text/x-vcalendar" ||
		isFile && strings.HasSuffix(strings.ToLower(filename), ".ics") && (ct == "application/octet-stream" || ct == "text/plain"):
		// (an .ics file some clients label application/ics or octet-stream)
		data := r.decodeBody(h, body)
		r.m.Calendars = append(r.m.Calendars, normalizeNewlines(r.decodeText2(data, params["charset"])))
		if isFile {
			r.attach(filename, ct, data, disp == "inline")
		}
		return
	case isFile:
		r.attachBody(h, body, filename, ct, disp == "inline")
		return
	case ct == "text/plain" || ct == "text/html" || ct == "text/enriched" || ct == "text":
		data := r.decodeBody(h, body)
		if ct == "text/html" && skipHTML {
			// (kept for the placeholder check when it may hold a slot)
			// (IndexAny with a non-ASCII "«" would test byte by byte)
			if !forwarded && (bytes.IndexAny(data, "[{") >= 0 || bytes.Contains(data, []byte("«")) || bytes.Contains(data, []byte("___"))) {
				r.htmlAlt = append(r.htmlAlt, HTMLToText(normalizeNewlines(r.decodeText2(data, params["charset"]))))
			}
			return
		}
		t := r.decodeText2(data, params["charset"])
		t = normalizeNewlines(t)
		if ct == "text/html" {
			t = HTMLToText(t)
		} else if strings.EqualFold(params["format"], "flowed") {
			t = unflow(t, strings.EqualFold(params["delsp"], "yes"))
		}
		if strings.TrimSpace(t) == "" {
			return
		}
		if forwarded {
			r.fwd = append(r.fwd, t)
		} else {
			r.texts = append(r.texts, t)
		}
		if ct == "text/html" {
			r.html++
		} else {
			r.plain++
		}
		return
	default:
		r.attachBody(h, body, filename, ct, disp == "inline" || (disp == "" && h.Get("Content-Id") != ""))
	}
}

// flattenedPlain reports whether the plain alternative parts[plain] is a
// flattened copy of an HTML alternative beside it: 200 bytes or more on
// one to three lines, where the HTML holds four or more paragraphs, breaks
// or list items.
func (r *msgReader) flattenedPlain(parts []mimePart, plain int) bool {
	html := -1
	for i, p := range parts {
		if t, _ := r.contentType(p.h); t == "text/html" {
			html = i
			break
		}
	}
	if html < 0 {
		return false
	}
	text := bytes.TrimSpace(r.decodeBody(parts[plain].h, parts[plain].body))
	if len(text) < 200 || bytes.Count(text, []byte("\n")) > 2 {
		return false
	}
	h := bytes.ToLower(r.decodeBody(parts[html].h, parts[html].body))
	blocks := bytes.Count(h, []byte("<p")) + bytes.Count(h, []byte("<div")) + bytes.Count(h, []byte("<li")) + bytes.Count(h, []byte("<br"))
	return blocks >= 4
}

// attachBody lists a part as an attachment. Attachments are only measured
// and hashed, so base64 is decoded in pieces rather than into a second
// copy of a 20 MB file.
func (r *msgReader) attachBody(h textproto.Header, body []byte, filename, ct string, inline bool) {
	if !strings.EqualFold(strings.TrimSpace(h.Get("Content-Transfer-Encoding")), "base64") {
		r.attach(filename, ct, r.decodeBody(h, body), inline)
		return
	}
	size, sum, bad := hashBase64(body)
	if bad {
		r.problem("base64: invalid characters skipped")
	}
	r.m.Attachments = append(r.m.Attachments, Attachment{Filename: filename, ContentType: ct, Size: size,
		SHA256: hex.EncodeToString(sum[:]), Inline: inline})
}

// forwardHeader renders the few header fields of an attached message as a
// forward header, so readers of Quoted see where it came from.
func forwardHeader(h textproto.Header, sub *msgReader) string {
	var b strings.Builder
	b.WriteString("---------- Forwarded message ---------\n")
	for _, k := range []string{"From", "Date", "Subject", "To"} {
		if v := h.Get(k); v != "" {
			// One line each: a bare CR or LF left inside a field is a space.
			v = strings.Join(strings.Fields(sub.decodeText(v, k)), " ")
			b.WriteString(k + ": " + v + "\n")
		}
	}
	b.WriteString("\n")
	return b.String()
}

func (r *msgReader) attach(filename, ct string, data []byte, inline bool) {
	sum := sha256.Sum256(data)
	r.m.Attachments = append(r.m.Attachments, Attachment{
		Filename:    filename,
		ContentType: ct,
		Size:        int64(len(data)),
		SHA256:      hex.EncodeToString(sum[:]),
		Inline:      inline,
	})
}

func (r *msgReader) multipart(ct string, params map[string]string, body []byte, depth int, forwarded, skipHTML bool) {
	boundary := params["boundary"]
	if boundary == "" {
		r.problem("%s without boundary: read as text", ct)
		r.walk(textproto.Header{}, body, depth+1, forwarded, skipHTML)
		return
	}
	raws, closed := splitMultipart(body, boundary)
	if raws == nil {
		r.problem("%s: boundary %.40q not found: read as text", ct, boundary)
		r.walk(textproto.Header{}, body, depth+1, forwarded, skipHTML)
		return
	}
	if !closed {
		r.problem("%s: missing final boundary %.40q", ct, boundary)
	}
	parts := make([]mimePart, 0, len(raws))
	for _, raw := range raws {
		hb, b, _ := splitHeader(raw)
		parts = append(parts, mimePart{h: r.parseHeader(hb), body: b})
	}
	if ct == "multipart/alternative" {
		// Use the first non-empty text/plain alternative; HTML only when
		// there is none.
		plainIdx := -1
		for i, p := range parts {
			t, _ := r.contentType(p.h)
			d, _ := r.disposition(p.h)
			if t == "text/plain" && d != "attachment" && len(bytes.TrimSpace(p.body)) > 0 {
				plainIdx = i
				break
			}
		}
		// A plain part that lost the HTML's paragraphs and list items
		// ("…work together" "Having seen it…" run into one line) reads
		// worse than the HTML it was made from: the HTML is read instead.
		htmlOnly := plainIdx >= 0 && !skipHTML && r.flattenedPlain(parts, plainIdx)
		for i, p := range parts {
			t, _ := r.contentType(p.h)
			if htmlOnly && t == "text/plain" || plainIdx >= 0 && t == "text/plain" && i != plainIdx {
				continue
			}
			r.walk(p.h, p.body, depth+1, forwarded, skipHTML || plainIdx >= 0 && !htmlOnly)
		}
		return
	}
	for _, p := range parts {
		r.walk(p.h, p.body, depth+1, forwarded, skipHTML)
	}
}

// splitMultipart returns the raw parts between "--boundary" delimiter lines
// (RFC 2046 5.1.1); the line break before a delimiter belongs to it. closed
// is false when the closing "--boundary--" is missing: the last part then
// runs to the end. parts is nil when no delimiter is found.
func splitMultipart(body []byte, boundary string) (parts [][]byte, closed bool) {
	delim := []byte("--" + boundary)
	start := -1 // start of the current part's content
	pos := 0
	for pos <= len(body) {
		i := bytes.Index(body[pos:], delim)
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + len(delim)
		if at > 0 && body[at-1] != '\n' {
			continue // not at a line start
		}
		rest := body[pos:]
		isClose := bytes.HasPrefix(rest, []byte("--"))
		if isClose {
			rest = rest[2:]
		}
		// the rest of the line must be blank (transport padding)
		eol := bytes.IndexByte(rest, '\n')
		tail := rest
		if eol >= 0 {
			tail = rest[:eol]
		}
		if len(bytes.Trim(tail, " \t\r")) != 0 {
			continue // a longer boundary that starts with ours
		}
		if start >= 0 {
			end := at
			if end > start && body[end-1] == '\n' {
				end--
				if end > start && body[end-1] == '\r' {
					end--
				}
			}
			if end < start {
				end = start
			}
			parts = append(parts, body[start:end])
		}
		if isClose {
			return nonNil(parts), true
		}
		if eol < 0 {
			start = len(body)
			pos = len(body) + 1
			break
		}
		start = len(body) - len(rest) + eol + 1
		pos = start
	}
	if start < 0 {
		return nil, false
	}
	if start < len(body) {
		parts = append(parts, body[start:])
	}
	return nonNil(parts), false
}

func nonNil(p [][]byte) [][]byte {
	if p == nil {
		return [][]byte{}
	}
	return p
}

// decodeBody undoes the Content-Transfer-Encoding, leniently.
func (r *msgReader) decodeBody(h textproto.Header, body []byte) []byte {
	enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding")))
	switch enc {
	case "", "7bit", "8bit", "binary":
		return body
	case "quoted-printable":
		return decodeQP(body)
	case "base64":
		out, bad := decodeBase64(body)
		if bad {
			r.problem("base64: invalid characters skipped")
		}
		return out
	}
	r.problem("unknown transfer encoding %.30q: read as 8bit", enc)
	return body
}

// decodeQP decodes quoted-printable; malformed escapes are kept as they
// are, trailing blanks before a line break are dropped (RFC 2045 6.7).
func decodeQP(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '=':
			if i+2 < len(b) && isHexDigit(b[i+1]) && isHexDigit(b[i+2]) {
				out = append(out, hexValue(b[i+1])<<4|hexValue(b[i+2]))
				i += 2
				continue
			}
			// soft line break: "=" then optional blanks then CRLF/LF/EOF
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			if j == len(b) {
				i = j
				continue
			}
			if b[j] == '\n' {
				i = j
				continue
			}
			if b[j] == '\r' && j+1 < len(b) && b[j+1] == '\n' {
				i = j + 1
				continue
			}
			if i+2 == len(b) && isHexDigit(b[i+1]) { // "=A" at the very end
				out = append(out, c)
				continue
			}
			out = append(out, c)
		case c == ' ' || c == '\t':
			// drop trailing blanks before a hard line break
			j := i
			for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			if j < len(b) && (b[j] == '\n' || (b[j] == '\r' && j+1 < len(b) && b[j+1] == '\n')) {
				i = j - 1
				continue
			}
			out = append(out, b[i:j]...)
			i = j - 1
		default:
			out = append(out, c)
		}
	}
	return out
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexValue(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// decodeBase64 decodes base64 ignoring blanks and line breaks; other
// stray characters are skipped (bad = true), padding is optional, and
// data after the padding is ignored.
// hashBase64 is sha256 and length of decodeBase64(b), computed in pieces
// of at most 64 KiB: the same leniency, without the decoded copy.
// Byte classes for hashBase64.
const (
	b64Bad   = iota // anything else: skipped, and the body is marked bad
	b64Plain        // A-Z a-z 0-9 + /
	b64URL          // - and _, read as + and /
	b64Pad          // =, the end
	b64Space        // white space, skipped
)

var (
	b64Class  [256]byte
	b64URLMap = [256]byte{'-': '+', '_': '/'}
)

func init() {
	for c := 0; c < 256; c++ {
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '/':
			b64Class[c] = b64Plain
		case c == '-', c == '_':
			b64Class[c] = b64URL
		case c == '=':
			b64Class[c] = b64Pad
		case c == ' ', c == '\t', c == '\r', c == '\n':
			b64Class[c] = b64Space
		}
	}
}

func hashBase64(b []byte) (size int64, sum [32]byte, bad bool) {
	h := sha256.New()
	var clean [64 << 10]byte
	var out [48 << 10]byte
	n := 0
	flush := func(all bool) {
		k := n
		if !all {
			k -= k % 4
		} else if k%4 == 1 {
			k--
			bad = true
		}
		d, err := base64.RawStdEncoding.Decode(out[:], clean[:k])
		if err != nil {
			bad = true
		}
		h.Write(out[:d])
		size += int64(d)
		n = copy(clean[:], clean[k:n])
	}
	for i := 0; i < len(b); {
		// A run of plain base64 (nearly all of a body) is copied whole.
		j := i
		for j < len(b) && b64Class[b[j]] == b64Plain {
			j++
		}
		for i < j {
			m := copy(clean[n:], b[i:j])
			i += m
			if n += m; n == len(clean) {
				flush(false)
			}
		}
		if j == len(b) {
			break
		}
		c := b[j]
		i = j + 1
		switch b64Class[c] {
		case b64URL:
			c = b64URLMap[c]
		case b64Pad:
			goto done
		case b64Space:
			continue
		default:
			bad = true
			continue
		}
		clean[n] = c
		if n++; n == len(clean) {
			flush(false)
		}
	}
done:
	flush(true)
	copy(sum[:], h.Sum(nil))
	return size, sum, bad
}

func decodeBase64(b []byte) (out []byte, bad bool) {
	clean := make([]byte, 0, len(b))
	for _, c := range b {
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == '-':
			clean = append(clean, '+')
		case c == '_':
			clean = append(clean, '/')
		case c == '=':
			goto done
		case c == ' ', c == '\t', c == '\r', c == '\n':
		default:
			bad = true
		}
	}
done:
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
		bad = true
	}
	out = make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	if err != nil {
		bad = true
	}
	return out[:n], bad
}

// decodeText2 converts a text part's decoded bytes to UTF-8.
func (r *msgReader) decodeText2(b []byte, cs string) string {
	lc := strings.ToLower(strings.Trim(strings.TrimSpace(cs), `"'`))
	switch lc {
	case "":
		return toUTF8(b, "")
	case "utf-8", "utf8":
		if !utf8.Valid(b) {
			r.problem("text declared %s is not valid UTF-8", cs)
			return toUTF8(b, "")
		}
		return string(b)
	case "us-ascii", "ascii":
		return toUTF8(b, "")
	}
	rd, err := message.CharsetReader(lc, bytes.NewReader(b))
	if err != nil || rd == nil {
		r.problem("unknown charset %.30q: read as UTF-8 or Latin-1", cs)
		return toUTF8(b, "")
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		r.problem("charset %.30q: %v", cs, err)
		return toUTF8(b, "")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// toUTF8 returns b as UTF-8 when valid, else read as Windows-1252.
func toUTF8(b []byte, _ string) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// normalizeNewlines turns CRLF and lone CR into LF and drops NUL bytes.
func normalizeNewlines[T string | []byte](s T) string {
	t := string(s)
	if !strings.ContainsAny(t, "\r\x00") {
		return t
	}
	t = strings.ReplaceAll(t, "\r\n", "\n")
	t = strings.ReplaceAll(t, "\r", "\n")
	return strings.ReplaceAll(t, "\x00", "")
}

// unflow joins format=flowed soft line breaks (RFC 3676): a line ending in
// a space continues on the next line of the same quote depth.
func unflow(t string, delsp bool) string {
	lines := strings.Split(t, "\n")
	var b strings.Builder
	b.Grow(len(t))
	prevSoft := false
	prevDepth := 0
	for i, l := range lines {
		depth := 0
		for depth < len(l) && l[depth] == '>' {
			depth++
		}
		content := l[depth:]
		if strings.HasPrefix(content, " ") {
			content = content[1:] // space-stuffing
		}
		if i > 0 {
			if !(prevSoft && depth == prevDepth) {
				b.WriteByte('\n')
			}
		}
		if !(prevSoft && depth == prevDepth && i > 0) && depth > 0 {
			b.WriteString(strings.Repeat(">", depth) + " ")
		}
		soft := strings.HasSuffix(content, " ") && content != "-- "
		if soft && delsp {
			content = content[:len(content)-1]
		}
		b.WriteString(content)
		prevSoft, prevDepth = soft, depth
	}
	return b.String()
}
