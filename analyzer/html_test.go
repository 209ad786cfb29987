package analyzer

import (
	"strings"
	"testing"
	"time"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"paragraphs", "<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"br and div", "<div>One<br>Two</div><div>Three</div>", "One\nTwo\nThree"},
		{"double br is a blank line", "One<br><br>Two", "One\n\nTwo"},
		{"whitespace collapsed", "<p>  a \n\t b  &nbsp; c </p>", "a b c"},
		{"entities", "<p>Caf&eacute; &amp; &lt;tea&gt; &#8212; &quot;x&quot; &#x2019;</p>", "Café & <tea> — \"x\" ’"},
		{"script style head dropped", "<html><head><title>T</title><style>p{x}</style></head><body><script>var a='<p>';</script><p>Body</p></body></html>", "Body"},
		{"list", "<p>Items:</p><ul><li>One</li><li>Two <b>bold</b></li></ul><ol><li>Three</li></ol>", "Items:\n\n- One\n- Two bold\n\n- Three"},
		{"headings", "<h1>Title</h1>text", "Title\n\ntext"},
		{"table rows", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"}, // a row is a unit of its own
		{"link with different text", `See <a href="https://example.org/cv">my CV</a>.`, "See my CV (https://example.org/cv)."},
		{"link same as text", `<a href="https://example.org/">example.org</a>`, "example.org"},
		{"mailto same as text", `<a href="mailto:h@x.org">h@x.org</a>`, "h@x.org"},
		{"link without text", `<a href="https://x.org/a"></a>`, "https://x.org/a"},
		{"anchor link", `<a href="#top">Top</a>`, "Top"},
		{"blockquote prefixed", "<p>Mine</p><blockquote type=\"cite\"><p>Theirs</p><p>More</p></blockquote><p>After</p>", "Mine\n\n> Theirs\n\n> More\n\nAfter"},
		{"nested blockquote", "<blockquote>a<blockquote>b</blockquote>c</blockquote>", "> a\n\n>> b\n\n> c"},
		{"gmail quote div", `<div>Mine</div><div class="gmail_quote"><div class="gmail_attr">On Fri, Nov 20, 2026 Helen wrote:<br></div><blockquote class="gmail_quote">Old</blockquote></div><div>x</div>`,
			"Mine\n> On Fri, Nov 20, 2026 Helen wrote:\n\n>> Old\n\nx"},
		{"gmail signature", `<div>Thanks</div><div class="gmail_signature">Amina Rahman</div>`, "Thanks\n-- \nAmina Rahman"},
		{"outlook divRplyFwdMsg", `<p>Mine</p><hr><div id="divRplyFwdMsg"><b>From:</b> Helen<br><b>Sent:</b> Friday<br><b>To:</b> Amina<br><b>Subject:</b> x</div><div>Old</div>`,
			"Mine\n\nFrom: Helen\nSent: Friday\nTo: Amina\nSubject: x\nOld"},
		{"pre keeps blanks", "<pre>a  b\n  c</pre>", "a  b\n  c"},
		{"unclosed tags", "<p>One<p>Two<div>Three", "One\n\nTwo\nThree"},
		{"outlook o:p and comments", "<p class=MsoNormal>Hi<o:p></o:p></p><!--[if gte mso 9]><xml>junk</xml><![endif]--><p class=MsoNormal><o:p>&nbsp;</o:p></p><p>Bye</p>", "Hi\n\nBye"},
		{"plain text", "just text", "just text"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLToText(tt.html); got != tt.want {
				t.Errorf("HTMLToText(%q)\n got %q\nwant %q", tt.html, got, tt.want)
			}
		})
	}
}

func TestHTMLToTextSplitOwn(t *testing.T) {
	// the marks HTMLToText leaves must make SplitOwn cut the quote
	tests := []struct{ name, html, own string }{
		{"gmail", `<div dir="ltr">Yes, Dec 3 works.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Fri, Nov 20, 2026 at 3:02 PM Helen Park &lt;<a href="mailto:h@x.org">h@x.org</a>&gt; wrote:<br></div><blockquote class="gmail_quote">How will you rank us?</blockquote></div>`, "Yes, Dec 3 works."},
		{"apple", `<div>Yes.</div><div><br><blockquote type="cite"><div>On Nov 20, 2026, at 15:02, Helen Park &lt;h@x.org&gt; wrote:</div><br><div><div>How will you rank us?</div></div></blockquote></div>`, "Yes."},
		{"thunderbird", `<p>Yes.</p><div class="moz-cite-prefix">On 11/20/26 3:02 PM, Helen Park wrote:<br></div><blockquote type="cite" cite="mid:x">How will you rank us?</blockquote>`, "Yes."},
		{"outlook", `<div><p>Yes.</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p><b>From:</b> Helen Park &lt;h@x.org&gt;<br><b>Sent:</b> Friday, November 20, 2026 3:02 PM<br><b>To:</b> Amina<br><b>Subject:</b> Interview</p></div><p>How will you rank us?</p></div>`, "Yes."},
		{"outlook web", `<div>Yes.</div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>From:</b> Helen Park &lt;h@x.org&gt;<br><b>Sent:</b> Friday<br><b>To:</b> Amina<br><b>Subject:</b> Interview</font><div>&nbsp;</div></div><div>How will you rank us?</div>`, "Yes."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := HTMLToText(tt.html)
			own, quoted, _ := SplitOwn(text)
			if own != tt.own || !strings.Contains(quoted, "rank us") {
				t.Errorf("text %q\nown = %q, want %q\nquoted = %q", text, own, tt.own, quoted)
			}
		})
	}
}

func TestHTMLToTextDeepAndLarge(t *testing.T) {
	for _, tag := range []string{"div", "blockquote", "ul><li", "table><tr><td", "a href=x"} {
		open := "<" + tag + ">"
		end := "</" + strings.Fields(strings.Split(tag, ">")[0])[0] + ">"
		deep := strings.Repeat(open, 200) + "deep text" + strings.Repeat(end, 200)
		if got := HTMLToText(deep); !strings.Contains(got, "deep text") {
			t.Errorf("%s nested 200 deep: %q", tag, got)
		}
	}
	// linear time: 50,000 nested unclosed elements
	start := time.Now()
	HTMLToText(strings.Repeat("<blockquote><div><a href=u>x", 50000))
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("50,000 nested elements took %v", d)
	}
}
