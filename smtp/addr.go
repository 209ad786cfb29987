package smtp

import (
	"strings"

	gosmtp "github.com/emersion/go-smtp"
)

// checkAddr accepts an envelope address as go-smtp parsed it out of MAIL
// FROM or RCPT TO: local@domain with no control characters, spaces or
// header syntax outside a quoted local part. It refuses anything that could
// smuggle a second command or a header line to the upstream.
func checkAddr(a string, null bool) bool {
	if a == "" {
		return null
	}
	if len(a) > 254 {
		return false
	}
	for i := 0; i < len(a); i++ {
		if c := a[i]; c < 0x20 || c == 0x7f {
			return false
		}
	}
	at := strings.LastIndexByte(a, '@')
	if at <= 0 || at == len(a)-1 {
		return false
	}
	local, domain := a[:at], a[at+1:]
	if strings.HasPrefix(local, "\"") {
		if len(local) < 2 || !strings.HasSuffix(local, "\"") {
			return false
		}
	} else if strings.ContainsAny(local, " \t\"(),:;<>@[\\]") || strings.HasPrefix(local, ".") ||
		strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	if strings.HasPrefix(domain, "[") {
		return strings.HasSuffix(domain, "]") && !strings.ContainsAny(domain[1:len(domain)-1], "[]\\ ")
	}
	for _, label := range strings.Split(domain, ".") {
		if label == "" || len(label) > 63 || strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return false
		}
		for _, r := range label {
			if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80) {
				return false
			}
		}
	}
	return true
}

var (
	errBadSender = &gosmtp.SMTPError{Code: 501, EnhancedCode: gosmtp.EnhancedCode{5, 1, 7},
		Message: "Bad sender address syntax"}
	errBadRcpt = &gosmtp.SMTPError{Code: 501, EnhancedCode: gosmtp.EnhancedCode{5, 1, 3},
		Message: "Bad recipient address syntax"}
)

// domainOf returns the lower-cased domain of an address, for logs.
func domainOf(a string) string {
	if at := strings.LastIndexByte(a, '@'); at >= 0 {
		return strings.ToLower(a[at+1:])
	}
	return ""
}
