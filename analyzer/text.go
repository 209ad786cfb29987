package analyzer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitOwn separates a message's text into the author's own new words, what
// was quoted or forwarded, and the signature. Only own is judged.
//
// Quoted is:
//   - every line starting with ">" (wherever it is: in an interleaved reply
//     the new lines around quoted ones stay own);
//   - everything from the first quote header on: an attribution line such as
//     "On <date>, <name> <addr> wrote:" (also wrapped over two or three
//     lines, and its French, German, Spanish, Portuguese, Italian, Dutch,
//     Russian, Chinese, Japanese, Korean and Arabic forms) that is not
//     followed by ">" lines; an Outlook header block (From:/Sent:/To:/
//     Subject:, in several languages, also "*From:*"); "-----Original
//     Message-----", "---------- Forwarded message ---------", "Begin
//     forwarded message:" and their translations. An attribution followed by
//     ">" lines is quoted itself and the text after the quote stays own
//     (bottom posting).
//
// The signature runs from a line that is exactly "-- " (or "--"), or from a
// mobile footer such as "Sent from my iPhone", to the first quote header or
// the end. A closing ("Sincerely,\nName") is own text and is left alone.
//
// own is trimmed; runs of empty lines in it are collapsed to one.
func SplitOwn(text string) (own, quoted, signature string) {
	text = normalizeNewlines(text)
	lines := strings.Split(text, "\n")
	var ownL, quoteL, sigL []string
	inSig := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if isQuotedLine(l) {
			quoteL = append(quoteL, l)
			continue
		}
		if i > 0 && lazyQuoteContinuation(lines[i-1], l) {
			// A quoted line wrapped by a client that did not mark the
			// rest ("> Could you send me your\ncurrent CV and …"); marked
			// here, so that a further wrapped line follows it too.
			lines[i] = "> " + l
			quoteL = append(quoteL, lines[i])
			continue
		}
		if n, attribution := quoteHeaderAt(lines, i); n > 0 {
			if attribution && nextNonBlankQuoted(lines, i+n) {
				quoteL = append(quoteL, lines[i:i+n]...)
				i += n - 1
				continue
			}
			// Outlook's "____" rule above its header belongs to the quote.
			if inSig {
				sigL = trimSeparators(sigL)
			} else {
				ownL = trimSeparators(ownL)
			}
			quoteL = append(quoteL, lines[i:]...)
			break
		}
		if inSig {
			sigL = append(sigL, l)
			continue
		}
		if isSignatureStart(l) {
			inSig = true
			sigL = append(sigL, l)
			continue
		}
		ownL = append(ownL, l)
	}
	return joinCollapsed(ownL), strings.TrimSpace(strings.Join(quoteL, "\n")), strings.TrimSpace(strings.Join(sigL, "\n"))
}

// lazyQuoteContinuation reports whether l, unmarked, carries on the quoted
// line prev that a client wrapped at the margin: prev is long and stops
// mid-sentence, and l begins in lower case.
func lazyQuoteContinuation(prev, l string) bool {
	if !isQuotedLine(prev) {
		return false
	}
	p := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(prev), ">"))
	t := strings.TrimSpace(l)
	if len(p) < 55 || t == "" || strings.ContainsAny(p[len(p)-1:], ".!?:;") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// isQuotedLine: ">" starts the line (after blanks), not as in ">90%".
func isQuotedLine(l string) bool {
	t := strings.TrimLeft(l, " \t")
	if !strings.HasPrefix(t, ">") {
		return false
	}
	if len(t) == 1 {
		return true
	}
	c := t[1]
	return !(c >= '0' && c <= '9') && c != '='
}

func nextNonBlankQuoted(lines []string, from int) bool {
	for j := from; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		return isQuotedLine(lines[j])
	}
	return false
}

// The names between a separator line's dashes: a reply's quoted original,
// or a forwarded message, in the languages mail clients write them.
const (
	replySeparators   = `original message|ursprüngliche nachricht|message d'origine|message original|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht|исходное сообщение|原始邮件`
	forwardSeparators = `forwarded message|weitergeleitete nachricht|message transféré|message transfere|mensaje reenviado|mensagem encaminhada|messaggio inoltrato|doorgestuurd bericht|пересылаемое сообщение|转发的邮件`
)

var (
	// separatorRe: "-----Original Message-----" and forward separators;
	// forwardSeparatorRe: the forward separators alone.
	separatorRe        = regexp.MustCompile(`(?i)^\s*[-_=]{2,}\s*(` + replySeparators + `|` + forwardSeparators + `)\s*[-_=]{2,}\s*$`)
	forwardSeparatorRe = regexp.MustCompile(`(?i)^\s*[-_=]{2,}\s*(` + forwardSeparators + `)\s*[-_=]{2,}\s*$`)
	// forwardRe: Apple Mail's and Thunderbird's forward lines.
	forwardRe = regexp.MustCompile(`(?i)^\s*(begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|inicio del mensaje reenviado|início da mensagem reencaminhada|inizio messaggio inoltrato|doorgestuurd bericht)\s*:\s*$`)

	// attributionRes match a whole (possibly joined) attribution line.
	attributionRes = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^\s*on\s.{2,300}\swrote\s*:\s*$`),
		regexp.MustCompile(`(?i)^.{0,300}@.{0,300}\swrote\s*:\s*$`),
		regexp.MustCompile(`(?i)^\s*le\s.{2,300}\sa\s+écrit\s*:\s*$`),
		regexp.MustCompile(`(?i)^\s*am\s.{2,300}\sschrieb.{0,300}:\s*$`),
		regexp.MustCompile(`(?i)^\s*el\s.{2,300}\sescribió\s*:\s*$`),
		regexp.MustCompile(`(?i)^\s*em\s.{2,300}\sescreveu\s*:\s*$`),
		regexp.MustCompile(`(?i)^\s*il\s.{2,300}\sha\s+scritto\s*:\s*$`),
		regexp.MustCompile(`(?i)^\s*op\s.{2,300}\sschreef.{0,300}:\s*$`),
		regexp.MustCompile(`(?i)^.{2,300}(написал|написала|написал\(а\)|пишет)\s*:\s*$`),
		regexp.MustCompile(`^.{2,300}写道\s*[:：]\s*$`),
		regexp.MustCompile(`^.{2,300}(書きました|のメッセージ)\s*[:：]\s*$`),
		regexp.MustCompile(`^.{2,300}님이\s*작성\s*[:：]\s*$`),
		regexp.MustCompile(`^.{2,300}كتب.{0,300}[:：]\s*$`),
	}
	// attributionStarts: the first words of a line that may begin a
	// wrapped attribution ("On Tue, Nov 3, 2026 at 9:14 AM Helen Park").
	attributionStarts = map[string]bool{"on": true, "le": true, "am": true, "el": true, "em": true, "il": true, "op": true, "в": true, "на": true, "在": true, "في": true}

	// Outlook's header block fields.
	outlookFromRe  = regexp.MustCompile(`(?i)^\s*\*{0,2}\s*(from|von|de|da|van|från|fra|od|от|发件人|寄件者|差出人|보낸\s*사람)\s*\*{0,2}\s*[:：]\s*\*{0,2}\s*\S`)
	outlookFieldRe = regexp.MustCompile(`(?i)^\s*\*{0,2}\s*(sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|date|à|a|objet|enviado|fecha|para|asunto|assunto|data|inviato|oggetto|verzonden|aan|onderwerp|skickat|till|ämne|отправлено|дата|кому|тема|发送时间|收件人|主题|日付|宛先|件名|날짜|받는\s*사람|제목)\s*\*{0,2}\s*[:：]`)

	// mobileFooterRe: the footers mobile clients add under the text.
	mobileFooterRe = regexp.MustCompile(`(?i)^\s*(sent from my \S.{0,40}|sent from (outlook|mail|yahoo mail|gmail|samsung|proton mail|my mobile)( for \S+)?.{0,30}|get outlook for (ios|android)\S*|sent from (mail|outlook) for windows.{0,10}|sent via .{1,30}|von meinem \S.{0,30} gesendet|envoyé de mon \S.{0,30}|enviado desde mi \S.{0,30}|enviado do meu \S.{0,30}|inviato da(l mio)? \S.{0,30}|verzonden (met|vanaf) .{1,30}|отправлено с .{1,30})\s*$`)
)

// quoteHeaderAt reports a quote header starting at line i and how many
// lines it spans; attribution is true for "On … wrote:" style lines.
func quoteHeaderAt(lines []string, i int) (n int, attribution bool) {
	l := lines[i]
	t := strings.TrimSpace(l)
	if t == "" || len(t) > 1000 {
		return 0, false
	}
	// Each expression runs only where the character it cannot match
	// without is there: most lines of a letter are none of these.
	if strings.ContainsAny(t[:1], "-_=") && separatorRe.MatchString(t) || t[len(t)-1] == ':' && forwardRe.MatchString(t) {
		return 1, false
	}
	if hasColon(t) && outlookFromRe.MatchString(t) && outlookBlock(lines, i) {
		return 1, false
	}
	if isAttribution(t) {
		return 1, true
	}
	if startsAttribution(t) {
		joined := t
		for k := 1; k <= 2 && i+k < len(lines); k++ {
			next := strings.TrimSpace(lines[i+k])
			if next == "" || isQuotedLine(lines[i+k]) {
				break
			}
			joined += " " + next
			if isAttribution(joined) {
				return k + 1, true
			}
		}
	}
	return 0, false
}

// startsAttribution reports whether the trimmed line t starts with one of
// attributionStarts followed by white space.
func startsAttribution(t string) bool {
	i := strings.IndexAny(t, " \t\f\r\n")
	if i <= 0 || i > 6 {
		return false
	}
	return attributionStarts[strings.ToLower(t[:i])]
}

// hasColon reports whether t holds a colon, ASCII or full-width.
func hasColon(t string) bool {
	return strings.IndexByte(t, ':') >= 0 || strings.Contains(t, "：")
}

func isAttribution(t string) bool {
	if len(t) > 600 || !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsDigit(r) || r == '@' }) {
		return false
	}
	// cheap pre-check: an attribution ends with a colon
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") {
		return false
	}
	for _, re := range attributionRes {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

// outlookBlock: the From line at i is followed within a few lines by at
// least two more header fields (Sent/Date, To, Cc, Subject).
func outlookBlock(lines []string, i int) bool {
	found := 0
	for j := i + 1; j < len(lines) && j <= i+8; j++ {
		t := strings.TrimSpace(lines[j])
		if t == "" {
			continue
		}
		if outlookFieldRe.MatchString(t) {
			found++
			if found >= 2 {
				return true
			}
		}
	}
	return false
}

func isSignatureStart(l string) bool {
	if l == "-- " || l == "--" || strings.TrimRight(l, " \t") == "--" {
		return true
	}
	t := strings.TrimSpace(l)
	return len(t) < 80 && t != "" && mobileFooterRe.MatchString(t)
}

// trimSeparators removes trailing empty lines and "____" rules.
func trimSeparators(ls []string) []string {
	for len(ls) > 0 {
		t := strings.TrimSpace(ls[len(ls)-1])
		if t == "" || (len(t) >= 5 && strings.Trim(t, "_") == "") {
			ls = ls[:len(ls)-1]
			continue
		}
		break
	}
	return ls
}

// joinCollapsed joins lines, strips trailing blanks, collapses runs of
// empty lines and trims the result.
func joinCollapsed(ls []string) string {
	var b strings.Builder
	blank := false
	for _, l := range ls {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return strings.TrimSpace(b.String())
}
