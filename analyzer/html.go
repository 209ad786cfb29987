package analyzer

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText renders an HTML mail body as plain text for judgment.
//
// Scripts, styles and the head are dropped; block elements become line
// breaks and list items get "- "; a link keeps its text and shows its URL
// in parentheses when the URL says something the text does not; entities
// are decoded and blanks collapsed (except in <pre>).
//
// Quoted replies are marked for SplitOwn: every line inside a <blockquote>
// or a Gmail/Yahoo quote container (class gmail_quote, yahoo_quoted) starts
// with "> ", Outlook's reply header (div#divRplyFwdMsg, or the bordered div
// and <hr> before "From:") starts on a line of its own, and a Gmail
// signature (class gmail_signature) is preceded by a "-- " line.
//
// It uses the tokenizer, not the tree builder: one pass, no recursion, so
// deeply nested or broken markup costs linear time.
func HTMLToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	z.SetMaxBuf(0)
	w := &htmlWriter{atLineStart: true}
	w.b.Grow(len(s) / 2)

	var (
		skip      atom.Atom // inside script/style/…: skip until its end tag
		inHead    bool
		divDepth  int
		quoteDivs []int // divDepth at which a quote container div opened
		links     []htmlLink
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return w.finish()
		case html.TextToken:
			if skip != 0 || inHead {
				continue
			}
			w.text(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var class, id, style, href string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "class":
					class = string(v)
				case "id":
					id = string(v)
				case "style":
					style = string(v)
				case "href":
					href = string(v)
				}
			}
			if skip != 0 {
				continue
			}
			switch a {
			case atom.Script, atom.Style, atom.Title, atom.Template, atom.Noscript, atom.Object, atom.Svg:
				if tt == html.StartTagToken {
					skip = a
				}
			case atom.Head:
				inHead = tt == html.StartTagToken
			case atom.Body:
				inHead = false
			case atom.Br:
				w.br()
			case atom.Hr:
				w.lineBreak()
			case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Ul, atom.Ol, atom.Table, atom.Pre, atom.Dl:
				w.paragraph()
				if a == atom.Pre {
					w.pre++
				}
			case atom.Blockquote:
				w.paragraph()
				w.quote++
			case atom.Li:
				w.lineBreak()
				w.prefix()
				w.b.WriteString("- ")
				w.newlines = 0
			case atom.Div:
				if tt == html.SelfClosingTagToken {
					w.lineBreak()
					break
				}
				divDepth++
				lc := strings.ToLower(class)
				switch {
				case strings.Contains(lc, "gmail_quote") || strings.Contains(lc, "yahoo_quoted"):
					quoteDivs = append(quoteDivs, divDepth)
					w.lineBreak()
					w.quote++
				case strings.Contains(lc, "gmail_signature"):
					w.lineBreak()
					w.raw("-- \n")
				case id == "divRplyFwdMsg" || isOutlookHeaderStyle(style):
					w.paragraph()
				default:
					w.lineBreak()
				}
			case atom.Tr, atom.Dt, atom.Dd, atom.Section, atom.Article, atom.Header,
				atom.Footer, atom.Address, atom.Center, atom.Form, atom.Nav, atom.Aside,
				atom.Figure, atom.Figcaption, atom.Main, atom.Caption:
				w.lineBreak()
			case atom.Td, atom.Th:
				w.space = true
			case atom.A:
				if tt == html.StartTagToken && len(links) < maxOpenLinks {
					links = append(links, htmlLink{href: strings.TrimSpace(href), start: w.b.Len()})
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip {
					skip = 0
				}
				continue
			}
			switch a {
			case atom.Head:
				inHead = false
			case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Ul, atom.Ol, atom.Table, atom.Dl:
				w.paragraph()
			case atom.Pre:
				if w.pre > 0 {
					w.pre--
				}
				w.paragraph()
			case atom.Blockquote:
				w.lineBreak()
				if w.quote > 0 {
					w.quote--
				}
				w.paragraph()
			case atom.Div:
				w.lineBreak()
				if n := len(quoteDivs); n > 0 && quoteDivs[n-1] == divDepth {
					quoteDivs = quoteDivs[:n-1]
					if w.quote > 0 {
						w.quote--
					}
				}
				if divDepth > 0 {
					divDepth--
				}
			case atom.Tr:
				// A table row is a unit of its own ("Hotel | Check-in Mon
				// 11/30"): its words are not read with the next row's.
				w.paragraph()
			case atom.Li, atom.Dt, atom.Dd, atom.Section, atom.Article, atom.Header,
				atom.Footer, atom.Address, atom.Center, atom.Form, atom.Nav, atom.Aside,
				atom.Figure, atom.Figcaption, atom.Main, atom.Caption:
				w.lineBreak()
			case atom.A:
				if n := len(links); n > 0 {
					l := links[n-1]
					links = links[:n-1]
					// a long link text is not a URL: compare only short ones,
					// which keeps nested links linear
					if n := w.b.Len() - l.start; n >= 0 && n <= maxLinkText {
						w.linkURL(l.href, w.b.String()[l.start:])
					} else if n > maxLinkText && usefulHref(l.href) {
						w.text(" (" + l.href + ")")
					}
				}
			}
		}
	}
}

const (
	maxOpenLinks = 32   // unclosed <a> elements tracked
	maxLinkText  = 2048 // link text compared with its URL
)

type htmlLink struct {
	href  string
	start int // offset in the output where the link text starts
}

// isOutlookHeaderStyle matches the bordered div Outlook puts around its
// reply header ("border:none;border-top:solid #E1E1E1 1.0pt").
func isOutlookHeaderStyle(style string) bool {
	s := strings.ToLower(style)
	return strings.Contains(s, "border-top:solid") || strings.Contains(s, "border-top: solid")
}

// htmlWriter builds the text with collapsed blanks and quote prefixes.
type htmlWriter struct {
	b           strings.Builder
	quote       int  // blockquote depth
	pre         int  // <pre> depth
	atLineStart bool // nothing written on the current line yet
	space       bool // a blank is pending before the next word
	newlines    int  // line breaks at the end of b
}

func (w *htmlWriter) prefix() {
	if w.atLineStart {
		if w.quote > 0 {
			n := w.quote
			if n > 10 {
				n = 10
			}
			w.b.WriteString(strings.Repeat(">", n))
			w.b.WriteByte(' ')
		}
		w.atLineStart = false
	}
}

// text writes character data, collapsing blanks outside <pre>.
func (w *htmlWriter) text(s string) {
	if w.pre > 0 {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				w.br()
			}
			if line != "" {
				w.prefix()
				w.b.WriteString(strings.ReplaceAll(line, "\u00a0", " "))
				w.newlines = 0
			}
		}
		return
	}
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u200b', '\u2007', '\u202f':
			if !w.atLineStart {
				w.space = true
			}
			continue
		}
		if w.space && !w.atLineStart {
			w.b.WriteByte(' ')
		}
		w.space = false
		w.prefix()
		w.b.WriteRune(r)
		w.newlines = 0
	}
}

// raw writes s as it is, for marker lines.
func (w *htmlWriter) raw(s string) {
	w.b.WriteString(s)
	w.atLineStart = strings.HasSuffix(s, "\n")
	w.space = false
	w.newlines = 0
	if w.atLineStart {
		w.newlines = 1
	}
}

// br ends the line, even an empty one.
func (w *htmlWriter) br() {
	if w.newlines < 3 {
		w.b.WriteByte('\n')
		w.newlines++
	}
	w.atLineStart = true
	w.space = false
}

// lineBreak ends the current line if anything is on it.
func (w *htmlWriter) lineBreak() {
	if !w.atLineStart {
		w.br()
	}
	w.space = false
}

// paragraph makes sure an empty line comes next.
func (w *htmlWriter) paragraph() {
	w.lineBreak()
	if w.b.Len() > 0 && w.newlines < 2 {
		w.br()
	}
}

// linkURL appends " (url)" after a link's text when the URL adds to it.
func (w *htmlWriter) linkURL(href, text string) {
	if !usefulHref(href) {
		return
	}
	text = strings.TrimSpace(text)
	if sameURL(href, text) {
		return
	}
	if text == "" {
		w.text(href)
		return
	}
	w.text(" (" + href + ")")
}

// usefulHref: a URL worth showing (not an anchor, script or cid: link).
func usefulHref(href string) bool {
	lc := strings.ToLower(href)
	return href != "" && !strings.HasPrefix(href, "#") && !strings.HasPrefix(lc, "javascript:") && !strings.HasPrefix(lc, "cid:")
}

// sameURL reports whether the visible text already says the URL.
func sameURL(href, text string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"mailto:", "tel:", "https://", "http://", "www."} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimRight(s, "/")
	}
	return norm(href) == norm(text)
}

func (w *htmlWriter) finish() string {
	out := w.b.String()
	lines := strings.Split(out, "\n")
	var b strings.Builder
	b.Grow(len(out))
	blank := 0
	for _, l := range lines {
		if l != "-- " {
			l = strings.TrimRight(l, " \t")
		}
		if l == "" || l == ">" || strings.Trim(l, "> ") == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return b.String()
}
