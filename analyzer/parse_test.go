package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// eml joins lines with CRLF, as mail is on the wire.
func rawMail(lines ...string) []byte {
	return []byte(strings.Join(lines, "\r\n"))
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func hasReaderProblem(m *Message, sub string) bool {
	for _, p := range m.Problems {
		if strings.Contains(p, sub) {
			return true
		}
	}
	return false
}

func TestParseHeaders(t *testing.T) {
	raw := rawMail(
		"Return-Path: <amina@example.org>",
		"From: \"Rahman, Amina\" <amina@example.org>",
		"To: Helen Park <hpark@lakeside-med.org>, coord@lakeside-med.org",
		"Cc: =?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <jgarcia@lakeside-med.org>",
		"Bcc: me@example.org",
		"Reply-To: Amina <amina.r@example.org>",
		"Subject: =?UTF-8?B?VGhhbmsgeW91IOKAlCBpbnRlcnZpZXc=?=",
		"Date: Tue, 24 Nov 2026 09:15:00 -0500",
		"Message-ID: <abc@example.org>",
		"In-Reply-To: <inv-1@lakeside-med.org>",
		"References: <inv-0@lakeside-med.org>",
		"\t<inv-1@lakeside-med.org>",
		"List-Id: Lakeside News <news.lakeside-med.org>",
		"X-Mailer: Apple Mail (2.3731)",
		"Sender: amina@example.org",
		"X-Spam-Score: 0.1",
		"",
		"Hello.",
	)
	m := Parse(raw)
	want := &Message{
		From:       []Address{{Name: "Rahman, Amina", Addr: "amina@example.org"}},
		To:         []Address{{Name: "Helen Park", Addr: "hpark@lakeside-med.org"}, {Addr: "coord@lakeside-med.org"}},
		Cc:         []Address{{Name: "José García", Addr: "jgarcia@lakeside-med.org"}},
		Bcc:        []Address{{Addr: "me@example.org"}},
		ReplyTo:    []Address{{Name: "Amina", Addr: "amina.r@example.org"}},
		Sender:     []Address{{Addr: "amina@example.org"}},
		Subject:    "Thank you — interview",
		Date:       time.Date(2026, 11, 24, 14, 15, 0, 0, time.UTC),
		MessageID:  "<abc@example.org>",
		InReplyTo:  "<inv-1@lakeside-med.org>",
		References: []string{"<inv-0@lakeside-med.org>", "<inv-1@lakeside-med.org>"},
		ListID:     "Lakeside News <news.lakeside-med.org>",
		Headers:    map[string]string{"X-Mailer": "Apple Mail (2.3731)", "Sender": "amina@example.org"},
		Text:       "Hello.",
		Own:        "Hello.",
		Size:       len(raw),
	}
	if !m.Date.Equal(want.Date) {
		t.Errorf("Date = %v, want %v", m.Date, want.Date)
	}
	m.Date = want.Date
	if !reflect.DeepEqual(m, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", m, want)
	}
	if got, want := m.Recipients(), []string{"hpark@lakeside-med.org", "coord@lakeside-med.org", "jgarcia@lakeside-med.org", "me@example.org"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Recipients = %q, want %q", got, want)
	}
}

func TestParseSubjects(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"=?UTF-8?Q?Caf=C3=A9_au_lait?=", "Café au lait"},
		{"=?utf-8?b?Q2Fmw6kgYXUgbGFpdA==?=", "Café au lait"},
		{"=?ISO-8859-1?Q?Caf=E9?=", "Café"},
		{"=?iso-8859-1?B?Q2Fm6Q==?=", "Café"},
		{"=?windows-1252?Q?=93quoted=94?=", "“quoted”"},
		{"Re: =?UTF-8?Q?Interview_?= =?UTF-8?Q?invitation?=", "Re: Interview invitation"},
		{"=?UTF-8?Q?Interview?=\r\n =?UTF-8?Q?_day?=", "Interview day"},
		{"=?x-unknown?Q?Caf=E9?=", "Café"},       // unknown charset: Latin-1
		{"=?x-unknown?Q?Caf=C3=A9?=", "Café"},    // unknown charset: valid UTF-8
		{"Caf\xe9 raw 8-bit", "Café raw 8-bit"},  // raw Latin-1 in a header
		{"Plain  subject ", "Plain  subject"},    // kept as written, trimmed
		{"=?UTF-8?Q?broken", "=?UTF-8?Q?broken"}, // malformed word kept
		{"=?utf-8?q?=E5=86=99=E9=81=93?=", "写道"},
	}
	for _, tt := range tests {
		m := Parse(rawMail("Subject: "+tt.raw, "", "x"))
		if m.Subject != tt.want {
			t.Errorf("Subject %q = %q, want %q", tt.raw, m.Subject, tt.want)
		}
	}
}

func TestParseDates(t *testing.T) {
	want := time.Date(2026, 11, 24, 14, 3, 0, 0, time.UTC)
	for _, v := range []string{
		"Tue, 24 Nov 2026 14:03:00 +0000",
		"Tue, 24 Nov 2026 14:03:00 +0000 (UTC)",
		"24 Nov 2026 14:03:00 +0000",
		"Tue, 24 Nov 2026 14:03:00 GMT",
		"Tue, 24 Nov 2026 09:03:00 -0500",
		"Tue,  24  Nov 2026 14:03:00 +0000",
		"Tue, 24 Nov 2026 14:03 +0000",
		"Tue Nov 24 14:03:00 2026",
		"2026-11-24T14:03:00Z",
		"2026-11-24 14:03:00 +0000",
		"Tue, 24 Nov 2026 14:03:00 +0000 GMT",
	} {
		m := Parse(rawMail("Date: "+v, "", "x"))
		if !m.Date.Equal(want) {
			t.Errorf("Date %q = %v, want %v (problems %q)", v, m.Date, want, m.Problems)
		}
	}
	for _, v := range []string{"", "someday soon", "32 Foo 2026"} {
		m := Parse(rawMail("Date: "+v, "", "x"))
		if !m.Date.IsZero() {
			t.Errorf("Date %q = %v, want zero", v, m.Date)
		}
	}
}

func TestParseAddressesLenient(t *testing.T) {
	tests := []struct {
		value string
		want  []Address
	}{
		{`"Park, Helen" <hpark@lakeside-med.org>, bad address here, coord@lakeside-med.org`,
			[]Address{{"Park, Helen", "hpark@lakeside-med.org"}, {"", "coord@lakeside-med.org"}}},
		{`Helen Park <hpark@lakeside-med.org>, Dr. J. Smith <js@lakeside-med.org>`, // unquoted "." in name
			[]Address{{"Helen Park", "hpark@lakeside-med.org"}, {"Dr. J. Smith", "js@lakeside-med.org"}}},
		{`a@x.org; b@x.org`, []Address{{"", "a@x.org"}, {"", "b@x.org"}}},
		{`Program: a@x.org, b@x.org;`, []Address{{"", "a@x.org"}, {"", "b@x.org"}}},
		{`undisclosed-recipients:;`, nil},
		{`<hpark@lakeside-med.org`, []Address{{"", "hpark@lakeside-med.org"}}},
		{`=?UTF-8?Q?Jos=C3=A9?= <j@x.org>, @@@`, []Address{{"José", "j@x.org"}}},
	}
	for _, tt := range tests {
		m := Parse(rawMail("To: "+tt.value, "", "x"))
		if len(m.To) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(m.To, tt.want) {
			t.Errorf("To %q:\n got %+v\nwant %+v", tt.value, m.To, tt.want)
		}
	}
}

func TestParseAutoSubmitted(t *testing.T) {
	tests := []struct {
		hdr  string
		want bool
	}{
		{"Auto-Submitted: auto-replied", true},
		{"Auto-Submitted: auto-generated; owner-email=x@y", true},
		{"Auto-Submitted: no", false},
		{"Auto-Submitted: No", false},
		{"X-Autoreply: yes", true},
		{"X-Autorespond: Vacation", true},
		{"Precedence: bulk", true},
		{"Precedence: junk", true},
		{"Precedence: auto_reply", true},
		{"Precedence: list", false},
		{"X-Auto-Response-Suppress: All", false},
		{"X-Other: 1", false},
	}
	for _, tt := range tests {
		m := Parse(rawMail(tt.hdr, "", "x"))
		if m.AutoSubmitted != tt.want {
			t.Errorf("%s: AutoSubmitted = %v, want %v", tt.hdr, m.AutoSubmitted, tt.want)
		}
	}
}

func TestParseBodies(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		text     string
		htmlOnly bool
		problem  string // a Problems entry must contain it ("" = none expected)
	}{
		{"plain", rawMail("Content-Type: text/plain", "", "Hello,", "", "world."), "Hello,\n\nworld.", false, ""},
		{"no content-type", rawMail("Subject: x", "", "Hello"), "Hello", false, ""},
		{"quoted-printable", rawMail(
			"Content-Type: text/plain; charset=utf-8",
			"Content-Transfer-Encoding: quoted-printable", "",
			"Caf=C3=A9 and a soft=", "break, =3D sign, bad =ZZ escape.  ", "end="),
			"Café and a softbreak, = sign, bad =ZZ escape.\nend", false, ""},
		{"base64", rawMail(
			"Content-Type: text/plain; charset=utf-8",
			"Content-Transfer-Encoding: BASE64", "",
			"Q2Fmw6kgbm90ZXMs", "IHRoYW5rIHlvdS4="),
			"Café notes, thank you.", false, ""},
		{"base64 unpadded with junk", rawMail(
			"Content-Type: text/plain",
			"Content-Transfer-Encoding: base64", "",
			"SGVsbG8gd29y*bGQ"),
			"Hello world", false, "base64"},
		{"windows-1252", rawMail(
			"Content-Type: text/plain; charset=windows-1252",
			"Content-Transfer-Encoding: 8bit", "",
			"I am \x93very\x94 interested \x96 caf\xe9."),
			"I am “very” interested – café.", false, ""},
		{"iso-8859-1 qp", rawMail(
			"Content-Type: text/plain; charset=\"ISO-8859-1\"",
			"Content-Transfer-Encoding: quoted-printable", "",
			"R=E9sum=E9 attached, Fran=E7ois."),
			"Résumé attached, François.", false, ""},
		{"utf-8 declared, latin-1 sent", rawMail(
			"Content-Type: text/plain; charset=utf-8", "",
			"caf\xe9"),
			"café", false, "not valid UTF-8"},
		{"unknown charset, latin-1 bytes", rawMail(
			"Content-Type: text/plain; charset=x-klingon", "",
			"caf\xe9"),
			"café", false, "unknown charset"},
		{"unknown charset, utf-8 bytes", rawMail(
			"Content-Type: text/plain; charset=x-klingon", "",
			"café"),
			"café", false, "unknown charset"},
		{"unknown transfer encoding", rawMail(
			"Content-Type: text/plain",
			"Content-Transfer-Encoding: x-weird", "",
			"still readable"),
			"still readable", false, "unknown transfer encoding"},
		{"multipart/alternative prefers plain", rawMail(
			"Content-Type: multipart/alternative; boundary=b1", "",
			"--b1",
			"Content-Type: text/plain; charset=utf-8", "",
			"Plain version.",
			"--b1",
			"Content-Type: text/html; charset=utf-8", "",
			"<p>HTML version.</p>",
			"--b1--"),
			"Plain version.", false, ""},
		{"multipart/alternative with a flattened plain part uses html", rawMail(
			"Content-Type: multipart/alternative; boundary=b1", "",
			"--b1",
			"Content-Type: text/plain; charset=utf-8", "",
			"Dear Dr. Park, Thank you for the day. What stood out: the governance council the fellows who teach the residents the protected project time and the mentors who meet weekly with every fellow on the team.Having seen it, I know what I am looking for. With thanks,Amina",
			"--b1",
			"Content-Type: text/html; charset=utf-8", "",
			"<p>Dear Dr. Park,</p><p>Thank you for the day.</p><ul><li>the governance council</li><li>the fellows who teach</li></ul><p>Having seen it, I know what I am looking for.</p>",
			"--b1--"),
			"Dear Dr. Park,\n\nThank you for the day.\n\n- the governance council\n- the fellows who teach\n\nHaving seen it, I know what I am looking for.", true, ""},
		{"multipart/alternative with empty plain uses html", rawMail(
			"Content-Type: multipart/alternative; boundary=b1", "",
			"--b1",
			"Content-Type: text/plain; charset=utf-8", "",
			"",
			"--b1",
			"Content-Type: text/html; charset=utf-8", "",
			"<p>HTML version.</p>",
			"--b1--"),
			"HTML version.", true, ""},
		{"html only", rawMail(
			"Content-Type: text/html; charset=utf-8", "",
			"<html><head><title>T</title><style>p{}</style></head><body><p>Dear Dr.&nbsp;Park,</p><p>Thank&nbsp;you &amp; regards.</p><script>alert(1)</script></body></html>"),
			"Dear Dr. Park,\n\nThank you & regards.", true, ""},
		{"mixed: alternative in related with inline image", rawMail(
			"Content-Type: multipart/mixed; boundary=\"outer\"", "",
			"preamble is ignored",
			"--outer",
			"Content-Type: multipart/alternative; boundary=\"inner\"", "",
			"--inner",
			"Content-Type: text/plain", "",
			"Text part.",
			"--inner",
			"Content-Type: multipart/related; boundary=\"rel\"", "",
			"--rel",
			"Content-Type: text/html", "",
			"<p>HTML part.</p>",
			"--rel",
			"Content-Type: image/png",
			"Content-ID: <img1>",
			"Content-Transfer-Encoding: base64", "",
			"iVBORw0KGgo=",
			"--rel--",
			"--inner--",
			"--outer",
			"Content-Type: text/plain", "",
			"Text after the attachment.",
			"--outer--",
			"epilogue is ignored"),
			"Text part.\n\nText after the attachment.", false, ""},
		{"missing final boundary", rawMail(
			"Content-Type: multipart/mixed; boundary=XX", "",
			"--XX",
			"Content-Type: text/plain", "",
			"First part.",
			"--XX",
			"Content-Type: text/plain", "",
			"Second part, cut off"),
			"First part.\n\nSecond part, cut off", false, "missing final boundary"},
		{"boundary not found", rawMail(
			"Content-Type: multipart/mixed; boundary=nothere", "",
			"Just text."),
			"Just text.", false, "not found"},
		{"longer boundary with ours as prefix", rawMail(
			"Content-Type: multipart/mixed; boundary=a", "",
			"--a",
			"Content-Type: multipart/alternative; boundary=ab", "",
			"--ab",
			"Content-Type: text/plain", "",
			"Inner.",
			"--ab--",
			"--a--"),
			"Inner.", false, ""},
		{"malformed header line", rawMail(
			"From: a@x.org",
			"this is not a header",
			"Content-Type: text/plain; charset=iso-8859-1",
			"", "caf\xe9"),
			"café", false, "malformed line"},
		{"no header", []byte("Dear Dr. Park,\nThank you.\n"), "Dear Dr. Park,\nThank you.", false, "no header"},
		{"header without blank line then body", rawMail(
			"Subject: x",
			"Hello there, no blank line."),
			"Hello there, no blank line.", false, ""},
		{"empty", nil, "", false, ""},
		{"header only", rawMail("Subject: only"), "", false, ""},
		{"8 KB header line", rawMail(
			"X-Long: "+strings.Repeat("a", 8192),
			"Subject: after the long line", "",
			"Body."),
			"Body.", false, ""},
		{"format=flowed", rawMail(
			"Content-Type: text/plain; charset=utf-8; format=flowed", "",
			"This line is ",
			"flowed into one.",
			">Quoted ",
			">line.",
			"-- ",
			"Sig"),
			"This line is flowed into one.\n> Quoted line.\n-- \nSig", false, ""},
		{"bare LF line ends", []byte("Content-Type: text/plain\n\nLine one\nLine two\n"), "Line one\nLine two", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Parse(tt.raw)
			if m.Text != tt.text {
				t.Errorf("Text = %q, want %q", m.Text, tt.text)
			}
			if m.HTMLOnly != tt.htmlOnly {
				t.Errorf("HTMLOnly = %v, want %v", m.HTMLOnly, tt.htmlOnly)
			}
			if tt.problem == "" && len(m.Problems) > 0 {
				t.Errorf("Problems = %q, want none", m.Problems)
			}
			if tt.problem != "" && !hasReaderProblem(m, tt.problem) {
				t.Errorf("Problems = %q, want one containing %q", m.Problems, tt.problem)
			}
			if m.Size != len(tt.raw) {
				t.Errorf("Size = %d, want %d", m.Size, len(tt.raw))
			}
		})
	}
}

func TestParseAttachments(t *testing.T) {
	pdf := "%PDF-1.4 fake\n"
	raw := rawMail(
		"Content-Type: multipart/mixed; boundary=\"b\"", "",
		"--b",
		"Content-Type: text/plain", "",
		"See attached.",
		"--b",
		"Content-Type: application/pdf; name=\"cv.pdf\"",
		"Content-Transfer-Encoding: base64", "",
		"JVBERi0xLjQgZmFrZQo=",
		"--b",
		"Content-Type: application/pdf",
		"Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", "",
		pdf[:len(pdf)-1],
		"--b",
		"Content-Type: application/octet-stream",
		"Content-Disposition: attachment;",
		" filename*0*=UTF-8''Personal%20St;",
		" filename*1=atement.docx", "",
		"data",
		"--b",
		"Content-Type: application/pdf",
		"Content-Disposition: attachment; filename*=iso-8859-1''Lettre_%E9t%E9.pdf", "",
		"x",
		"--b",
		"Content-Type: application/pdf",
		"Content-Disposition: attachment; filename=\"=?UTF-8?B?TGV0dHJlX8OpdMOpLnBkZg==?=\"", "",
		"x",
		"--b",
		"Content-Type: text/plain; name=notes.txt",
		"Content-Disposition: inline; filename=notes.txt", "",
		"notes",
		"--b",
		"Content-Type: image/png",
		"Content-Disposition: inline",
		"Content-Transfer-Encoding: base64", "",
		"iVBORw0KGgo=",
		"--b",
		"Content-Type: text/calendar; method=REQUEST; charset=utf-8", "",
		"BEGIN:VCALENDAR",
		"END:VCALENDAR",
		"--b--")
	m := Parse(raw)
	want := []Attachment{
		{Filename: "cv.pdf", ContentType: "application/pdf", Size: int64(len(pdf)), SHA256: sha256Hex(pdf)},
		{Filename: "résumé.pdf", ContentType: "application/pdf", Size: int64(len(pdf) - 1), SHA256: sha256Hex(pdf[:len(pdf)-1])},
		{Filename: "Personal Statement.docx", ContentType: "application/octet-stream", Size: 4, SHA256: sha256Hex("data")},
		{Filename: "Lettre_été.pdf", ContentType: "application/pdf", Size: 1, SHA256: sha256Hex("x")},
		{Filename: "Lettre_été.pdf", ContentType: "application/pdf", Size: 1, SHA256: sha256Hex("x")},
		{Filename: "notes.txt", ContentType: "text/plain", Size: 5, SHA256: sha256Hex("notes"), Inline: true},
		{Filename: "", ContentType: "image/png", Size: 8, SHA256: sha256Hex("\x89PNG\r\n\x1a\n"), Inline: true},
	}
	if !reflect.DeepEqual(m.Attachments, want) {
		t.Errorf("Attachments:\n got %+v\nwant %+v", m.Attachments, want)
	}
	if m.Text != "See attached." {
		t.Errorf("Text = %q", m.Text)
	}
	if len(m.Calendars) != 1 || m.Calendars[0] != "BEGIN:VCALENDAR\nEND:VCALENDAR" {
		t.Errorf("Calendars = %q", m.Calendars)
	}
	if len(m.Problems) > 0 {
		t.Errorf("Problems = %q", m.Problems)
	}
}

func TestParseForwardedRFC822(t *testing.T) {
	m := Parse(rawMail(
		"Content-Type: multipart/mixed; boundary=\"m1\"", "",
		"--m1",
		"Content-Type: text/plain", "",
		"Please see the message below.",
		"--m1",
		"Content-Type: message/rfc822",
		"Content-Disposition: attachment; filename=\"letter.eml\"", "",
		"From: Someone <someone@example.com>",
		"Subject: Letter",
		"Content-Type: multipart/mixed; boundary=in", "",
		"--in",
		"Content-Type: text/plain", "",
		"We will rank you to match if you rank us first.",
		"--in",
		"Content-Type: application/pdf",
		"Content-Disposition: attachment; filename=inner.pdf", "",
		"x",
		"--in--",
		"--m1--"))
	if m.Own != "Please see the message below." {
		t.Errorf("Own = %q", m.Own)
	}
	if !strings.Contains(m.Quoted, "rank us first") || !strings.Contains(m.Quoted, "From: Someone <someone@example.com>") {
		t.Errorf("Quoted = %q, want the forwarded text with its header", m.Quoted)
	}
	if !strings.Contains(m.Text, "rank us first") {
		t.Errorf("Text = %q, want the forwarded text too", m.Text)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Filename != "letter.eml" || m.Attachments[0].ContentType != "message/rfc822" {
		t.Errorf("Attachments = %+v, want the attached message alone", m.Attachments)
	}
}

func TestParseOwnFromReplies(t *testing.T) {
	m := Parse(rawMail(
		"Content-Type: text/plain; charset=utf-8", "",
		"Thank you, I accept the December 3 slot.",
		"",
		"-- ",
		"Amina Rahman, MD",
		"",
		"On Fri, Nov 20, 2026 at 3:02 PM Helen Park <hpark@lakeside-med.org> wrote:",
		"> Please tell us how you will rank us."))
	if m.Own != "Thank you, I accept the December 3 slot." {
		t.Errorf("Own = %q", m.Own)
	}
	if m.Signature != "-- \nAmina Rahman, MD" {
		t.Errorf("Signature = %q", m.Signature)
	}
	if !strings.Contains(m.Quoted, "how you will rank us") {
		t.Errorf("Quoted = %q", m.Quoted)
	}
}

func TestParseDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("Content-Type: multipart/mixed; boundary=b0\r\n\r\n")
	const depth = 100
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n", i, i+1)
	}
	fmt.Fprintf(&b, "--b%d\r\nContent-Type: text/plain\r\n\r\ndeep text\r\n", depth)
	for i := depth; i >= 0; i-- {
		fmt.Fprintf(&b, "--b%d--\r\n", i)
	}
	m := Parse([]byte(b.String()))
	if !hasReaderProblem(m, "nesting deeper") {
		t.Errorf("Problems = %q, want a nesting problem", m.Problems)
	}
	if strings.Contains(m.Text, "deep text") {
		t.Errorf("Text = %q: read beyond the depth cap", m.Text)
	}
}

func TestParseHTMLNested(t *testing.T) {
	h := strings.Repeat("<div><blockquote>", 200) + "deep" + strings.Repeat("</blockquote></div>", 200)
	m := Parse(rawMail("Content-Type: text/html", "", "<p>Own words.</p>"+h))
	if m.Own != "Own words." {
		t.Errorf("Own = %q", m.Own)
	}
	if !strings.Contains(m.Quoted, "deep") {
		t.Errorf("Quoted = %q", m.Quoted)
	}
}

// TestParseFixtures reads every file in testdata/reader: none may panic,
// and each fixture's key facts are checked.
func TestParseFixtures(t *testing.T) {
	checks := map[string]func(t *testing.T, m *Message){
		"alternative.eml": func(t *testing.T, m *Message) {
			if m.HTMLOnly || !strings.Contains(m.Own, "café conversations") || !strings.HasSuffix(m.Own, "Amina Rahman, MD") {
				t.Errorf("Own = %q HTMLOnly=%v", m.Own, m.HTMLOnly)
			}
		},
		"gmail-reply-html.eml": func(t *testing.T, m *Message) {
			if m.Own != "Thank you, I accept the December 3 slot.\n\nBest,\nAmina" || !m.HTMLOnly {
				t.Errorf("Own = %q HTMLOnly=%v", m.Own, m.HTMLOnly)
			}
		},
		"outlook-reply.eml": func(t *testing.T, m *Message) {
			if strings.Contains(m.Own, "rank us") || !strings.Contains(m.Quoted, "rank us") {
				t.Errorf("Own = %q\nQuoted = %q", m.Own, m.Quoted)
			}
			if !strings.Contains(m.Own, "my CV (https://example.org/cv) and https://example.org/.") {
				t.Errorf("links: Own = %q", m.Own)
			}
		},
		"broken-multipart.eml": func(t *testing.T, m *Message) {
			if len(m.To) != 2 || len(m.Attachments) != 1 || m.Text != "Café text in an unknown charset." || m.Headers["X-Mailer"] != "Broken 1.0" {
				t.Errorf("To=%+v Attachments=%+v Text=%q Headers=%v", m.To, m.Attachments, m.Text, m.Headers)
			}
		},
		"forward-attached.eml": func(t *testing.T, m *Message) {
			if m.Own != "Please see the message below." {
				t.Errorf("Own = %q", m.Own)
			}
		},
		"latin1-attach.eml": func(t *testing.T, m *Message) {
			if m.Subject != "Curriculum vitæ" || m.From[0].Name != "Amína Rahmán" || len(m.Attachments) != 1 || m.Attachments[0].Filename != "résumé.pdf" {
				t.Errorf("Subject=%q From=%+v Attachments=%+v", m.Subject, m.From, m.Attachments)
			}
		},
		"lf-no-header.eml": func(t *testing.T, m *Message) {
			if !strings.HasPrefix(m.Own, "Dear Dr. Park,") {
				t.Errorf("Own = %q", m.Own)
			}
		},
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "reader", "*.eml"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			m := Parse(raw)
			if c := checks[name]; c != nil {
				c(t, m)
			}
		})
	}
}

// draft3K is a typical 3 KB multipart/alternative draft.
func draft3K() []byte {
	para := "Thank you for the opportunity to interview with the Clinical Informatics Fellowship on November 12. " +
		"I especially valued the conversation about the EHR optimization projects and the mentorship structure. "
	plain := strings.Repeat(para, 6)
	html := "<div dir=\"ltr\"><p>" + strings.Repeat(para+"</p><p>", 6) + "</p><div>Sincerely,<br>Amina Rahman, MD</div></div>"
	return rawMail(
		"From: Amina Rahman <amina@example.org>",
		"To: Helen Park <hpark@lakeside-med.org>",
		"Cc: coordinator@lakeside-med.org",
		"Subject: Thank you for the interview",
		"Date: Tue, 24 Nov 2026 09:15:00 -0500",
		"Message-ID: <draft-1@example.org>",
		"MIME-Version: 1.0",
		"User-Agent: Mozilla Thunderbird",
		"Content-Type: multipart/alternative; boundary=\"------------abc123\"", "",
		"--------------abc123",
		"Content-Type: text/plain; charset=UTF-8; format=flowed",
		"Content-Transfer-Encoding: 7bit", "",
		"Dear Dr. Park,", "",
		plain, "",
		"Sincerely,",
		"Amina Rahman, MD", "",
		"--------------abc123",
		"Content-Type: text/html; charset=UTF-8",
		"Content-Transfer-Encoding: 7bit", "",
		html,
		"--------------abc123--", "")
}

func BenchmarkParse(b *testing.B) {
	raw := draft3K()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(raw)
	}
}
