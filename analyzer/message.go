package analyzer

import "time"

// Address is one mailbox from a header.
type Address struct {
	Name string `json:"name,omitempty"`
	Addr string `json:"addr"`
}

// Attachment describes one attached file. Content is not kept.
type Attachment struct {
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	// SHA256 is the hex digest of the decoded content, so two sends of the
	// same file compare equal whatever their MIME encoding.
	SHA256 string `json:"sha256"`
	Inline bool   `json:"inline,omitempty"`
}

// Message is a mail message read for judgment. Parse never fails outright:
// what could not be read is listed in Problems and the rest is filled in.
type Message struct {
	From       []Address
	To         []Address
	Cc         []Address
	Bcc        []Address
	ReplyTo    []Address
	Sender     []Address // the Sender header: who sent it for From (a calendar, a list)
	Subject    string
	Date       time.Time // zero when missing or unreadable
	MessageID  string    // with angle brackets, as in the header
	InReplyTo  string
	References []string
	// AutoSubmitted is true for auto-replies (Auto-Submitted other than
	// "no", X-Autoreply, X-Autorespond, Precedence auto_reply/bulk/junk;
	// not Precedence list, which mailing lists use for ordinary mail).
	AutoSubmitted bool
	// ListID is the List-Id header, for mailing lists and digests.
	ListID string
	// Headers keeps a few more raw headers by canonical name (for the
	// classifier: X-Mailer, Precedence, List-Unsubscribe …; Sender is also
	// read into Sender as addresses).
	Headers map[string]string

	// Text is all readable body text: text/plain parts, or text converted
	// from text/html where a part has no plain alternative.
	Text string
	// HTMLOnly is true when the text came from HTML alone.
	HTMLOnly bool
	// Own is the author's own new words: Text without quoted replies,
	// forwarded messages and the signature.
	Own string
	// Quoted is what was cut from Text as quoted or forwarded.
	Quoted string
	// Signature is the cut signature block.
	Signature string
	// htmlAlt is the text of an HTML alternative that Text did not come
	// from (the plain part was read), kept only when its source holds a
	// character a template slot is made of ('[', '{', '«', "___"): most
	// mail clients show the HTML, so a slot left only there reaches the
	// program.
	htmlAlt string

	Attachments []Attachment
	// Calendars holds the raw text of text/calendar parts (invitations).
	Calendars []string

	// Problems lists what could not be read (bad charset, broken MIME, …).
	Problems []string
	// Size is the raw message size in bytes.
	Size int
}

// Recipients returns To, Cc and Bcc addresses in order.
func (m *Message) Recipients() []string {
	var out []string
	for _, l := range [][]Address{m.To, m.Cc, m.Bcc} {
		for _, a := range l {
			out = append(out, a.Addr)
		}
	}
	return out
}
