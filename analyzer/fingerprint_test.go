package analyzer

import (
	"encoding/base64"
	"mime/quotedprintable"
	"strings"
	"testing"
)

// draft builds one outgoing draft the way a mail client would, with the
// per-send details (ids, boundary, encodings) chosen by the caller.
type fpDraft struct {
	msgID, date, boundary string
	to, cc, subject       string
	text                  string
	textEnc               string // "7bit", "quoted-printable" or "base64"
	attach                string // attachment content, "" for none
	attachWrap            int    // base64 line length
	crlf                  bool
}

func (d fpDraft) build() []byte {
	nl := "\n"
	if d.crlf {
		nl = "\r\n"
	}
	var b strings.Builder
	w := func(s string) { b.WriteString(s + nl) }
	w("From: Amina Rahman <amina@example.org>")
	w("To: " + d.to)
	if d.cc != "" {
		w("Cc: " + d.cc)
	}
	w("Subject: " + d.subject)
	w("Date: " + d.date)
	w("Message-ID: " + d.msgID)
	w("MIME-Version: 1.0")
	w(`Content-Type: multipart/mixed; boundary="` + d.boundary + `"`)
	w("")
	w("--" + d.boundary)
	w("Content-Type: text/plain; charset=utf-8")
	w("Content-Transfer-Encoding: " + d.textEnc)
	w("")
	text := strings.ReplaceAll(d.text, "\n", nl)
	switch d.textEnc {
	case "quoted-printable":
		var q strings.Builder
		qw := quotedprintable.NewWriter(&q)
		qw.Write([]byte(text))
		qw.Close()
		w(q.String())
	case "base64":
		w(wrapLines(base64.StdEncoding.EncodeToString([]byte(text)), 76, nl))
	default:
		w(text)
	}
	if d.attach != "" {
		w("--" + d.boundary)
		w(`Content-Type: application/pdf; name="cv.pdf"`)
		w(`Content-Disposition: attachment; filename="cv.pdf"`)
		w("Content-Transfer-Encoding: base64")
		w("")
		w(wrapLines(base64.StdEncoding.EncodeToString([]byte(d.attach)), d.attachWrap, nl))
	}
	w("--" + d.boundary + "--")
	return []byte(b.String())
}

func wrapLines(s string, n int, nl string) string {
	var out []string
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	return strings.Join(append(out, s), nl)
}

func TestFingerprint(t *testing.T) {
	base := fpDraft{
		msgID: "<a1@example.org>", date: "Tue, 24 Nov 2026 09:15:00 -0500", boundary: "b-111",
		to: "Helen Park <hpark@lakeside-med.org>", cc: "coordinator@lakeside-med.org",
		subject: "Re: Thank you for the interview",
		text:    "Dear Dr. Park,\n\nThank you for the interview. Café talk was great.\n\nSincerely,\nAmina Rahman, MD\n",
		textEnc: "7bit", attach: strings.Repeat("%PDF-1.4 résumé content ", 20), attachWrap: 76,
	}
	fp := func(d fpDraft, rcpts []string) string { return Fingerprint(Parse(d.build()), rcpts) }
	want := fp(base, nil)
	if len(want) != 64 {
		t.Fatalf("Fingerprint = %q, want 64 hex digits", want)
	}

	same := map[string]func(d *fpDraft){
		"new Message-ID and Date":  func(d *fpDraft) { d.msgID, d.date = "<zz9@example.org>", "Wed, 25 Nov 2026 10:00:00 +0000" },
		"new boundary":             func(d *fpDraft) { d.boundary = "----=_Part_42_99.1732" },
		"quoted-printable text":    func(d *fpDraft) { d.textEnc = "quoted-printable" },
		"base64 text":              func(d *fpDraft) { d.textEnc = "base64" },
		"attachment wrapped at 64": func(d *fpDraft) { d.attachWrap = 64 },
		"CRLF line ends":           func(d *fpDraft) { d.crlf = true },
		"recipients reordered, case": func(d *fpDraft) {
			d.to, d.cc = "COORDINATOR@lakeside-med.org", "Dr. Helen Park <HPark@Lakeside-Med.org>"
		},
		"subject blanks": func(d *fpDraft) { d.subject = "Re:  Thank you  for the interview " },
		"trailing blanks, blank runs": func(d *fpDraft) {
			d.text = "Dear Dr. Park,   \n\n\n\nThank you for the interview. Café talk was great.\n\nSincerely,\nAmina Rahman, MD\n\n\n"
		},
	}
	for name, change := range same {
		d := base
		change(&d)
		if got := fp(d, nil); got != want {
			t.Errorf("%s: fingerprint changed", name)
		}
	}

	differ := map[string]func(d *fpDraft){
		"recipient added":    func(d *fpDraft) { d.cc += ", pd@lakeside-med.org" },
		"recipient replaced": func(d *fpDraft) { d.cc = "other@lakeside-med.org" },
		"subject":            func(d *fpDraft) { d.subject = "Re: Thank you for the interviews" },
		"Re: dropped":        func(d *fpDraft) { d.subject = "Thank you for the interview" },
		"text word":          func(d *fpDraft) { d.text = strings.Replace(d.text, "great", "good", 1) },
		"text line break":    func(d *fpDraft) { d.text = strings.Replace(d.text, "interview. Café", "interview.\nCafé", 1) },
		"attachment content": func(d *fpDraft) { d.attach += "x" },
		"attachment removed": func(d *fpDraft) { d.attach = "" },
	}
	for name, change := range differ {
		d := base
		change(&d)
		if got := fp(d, nil); got == want {
			t.Errorf("%s: fingerprint unchanged", name)
		}
	}

	// envelope recipients replace the header's
	m := Parse(base.build())
	env := []string{"hpark@lakeside-med.org", "coordinator@lakeside-med.org"}
	if got := Fingerprint(m, env); got != want {
		t.Error("envelope with the header's recipients: fingerprint changed")
	}
	if got := Fingerprint(m, []string{"<HPARK@lakeside-med.org>", "coordinator@lakeside-med.org", "hpark@lakeside-med.org"}); got != want {
		t.Error("envelope with brackets, case and a duplicate: fingerprint changed")
	}
	if got := Fingerprint(m, []string{"hpark@lakeside-med.org"}); got == want {
		t.Error("envelope with fewer recipients: fingerprint unchanged")
	}
	if got := Fingerprint(m, []string{}); got == want {
		t.Error("empty envelope: fingerprint unchanged")
	}
}
