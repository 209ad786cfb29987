package config

import (
	"fmt"
	"net"
	"net/mail"
	"regexp"
	"sort"
	"strings"
)

var keyRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

var ruleActions = map[string]bool{"block": true, "hold": true, "warn": true, "off": true}

func (c *Config) validate(file string, loc *locator) error {
	errAt := func(idx map[string]int, msg string, key ...string) error {
		return &Error{File: file, Line: loc.find(key, idx), Key: strings.Join(key, "."), Msg: msg}
	}
	for i, e := range c.Applicant.Emails {
		if _, err := mail.ParseAddress(e); err != nil {
			return errAt(nil, fmt.Sprintf("email %d (%q) is not an address like name@example.org", i+1, e), "applicant", "emails")
		}
	}
	for name, m := range c.Matches {
		if !keyRE.MatchString(name) {
			return errAt(nil, "a match name is lower-case letters, digits, - and _", "matches", name)
		}
		_ = m
	}
	seen := map[string]int{}
	domainOwner := map[string]string{}
	for i, p := range c.Programs {
		idx := map[string]int{"program": i}
		if p.Key == "" {
			return errAt(idx, fmt.Sprintf("program %d has no key; add key = \"short-name\"", i+1), "program")
		}
		if !keyRE.MatchString(p.Key) {
			return errAt(idx, fmt.Sprintf("key %q: use lower-case letters, digits, - and _", p.Key), "program", "key")
		}
		if j, dup := seen[p.Key]; dup {
			return errAt(idx, fmt.Sprintf("key %q is used by program %d too; keys must be unique", p.Key, j+1), "program", "key")
		}
		seen[p.Key] = i
		if p.Name == "" && p.Institution == "" {
			return errAt(idx, fmt.Sprintf("program %q needs a name or an institution", p.Key), "program", "key")
		}
		if p.Match != "" {
			if _, ok := c.Matches[p.Match]; !ok {
				return errAt(idx, fmt.Sprintf("match %q is not defined; add a [matches.%s] table with its rank_deadline", p.Match, p.Match), "program", "match")
			}
		}
		for _, d := range p.Domains {
			d = normDomain(d)
			if d == "" || strings.ContainsAny(d, "@ /") || !strings.Contains(d, ".") {
				return errAt(idx, fmt.Sprintf("domain %q is not a domain like lakeside-med.org", d), "program", "domains")
			}
			if o, dup := domainOwner[d]; dup {
				return errAt(idx, fmt.Sprintf("domain %q belongs to program %q too; a domain names one program", d, o), "program", "domains")
			}
			domainOwner[d] = p.Key
		}
		for j, ct := range p.Contacts {
			if ct.Email == "" {
				continue
			}
			if _, err := mail.ParseAddress(ct.Email); err != nil {
				return errAt(map[string]int{"program": i, "program.contact": j},
					fmt.Sprintf("%q is not an address like name@example.org", ct.Email), "program", "contact", "email")
			}
		}
	}
	for name, a := range c.Rules.Actions {
		if !ruleActions[a] {
			return errAt(nil, fmt.Sprintf("action %q: want block, hold, warn or off", a), "rules", "actions", name)
		}
	}
	switch c.SMTP.Auth {
	case "", "upstream", "local":
	default:
		return errAt(nil, fmt.Sprintf("%q: want \"upstream\" or \"local\"", c.SMTP.Auth), "smtp", "auth")
	}
	if c.SMTP.Auth == "local" && c.SMTP.Username == "" {
		return errAt(nil, "auth = \"local\" needs username, and local_password_env or local_password_cmd", "smtp", "auth")
	}
	for _, l := range []struct{ v, key string }{{c.SMTP.Listen, "listen"}, {c.SMTP.TLSListen, "tls_listen"}} {
		if l.v == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(l.v); err != nil {
			return errAt(nil, fmt.Sprintf("%q is not host:port like 127.0.0.1:1587", l.v), "smtp", l.key)
		}
	}
	if err := checkSecurity(c.SMTP.Upstream.Security, []string{"starttls", "tls", "none"}); err != nil {
		return errAt(nil, err.Error(), "smtp", "upstream", "security")
	}
	if c.SMTP.Upstream.Address != "" {
		if _, _, err := net.SplitHostPort(c.SMTP.Upstream.Address); err != nil {
			return errAt(nil, fmt.Sprintf("%q is not host:port like smtp.example.org:587", c.SMTP.Upstream.Address), "smtp", "upstream", "address")
		}
		if c.SMTP.Upstream.Security == "none" && !IsLoopback(c.SMTP.Upstream.Address) {
			return errAt(nil, "security = \"none\" sends passwords in clear; it is allowed for loopback addresses only", "smtp", "upstream", "security")
		}
	}
	if err := checkSecurity(c.IMAP.Security, []string{"tls", "starttls", "none"}); err != nil {
		return errAt(nil, err.Error(), "imap", "security")
	}
	if c.IMAP.Address != "" {
		if _, _, err := net.SplitHostPort(c.IMAP.Address); err != nil {
			return errAt(nil, fmt.Sprintf("%q is not host:port like imap.example.org:993", c.IMAP.Address), "imap", "address")
		}
		if c.IMAP.Security == "none" && !IsLoopback(c.IMAP.Address) {
			return errAt(nil, "security = \"none\" sends passwords in clear; it is allowed for loopback addresses only", "imap", "security")
		}
	}
	switch c.IMAP.Tagging {
	case "", "auto", "keyword", "folder":
	default:
		return errAt(nil, fmt.Sprintf("%q: want \"auto\", \"keyword\" or \"folder\"", c.IMAP.Tagging), "imap", "tagging")
	}
	if c.Web.Listen != "" {
		if _, _, err := net.SplitHostPort(c.Web.Listen); err != nil {
			return errAt(nil, fmt.Sprintf("%q is not host:port like 127.0.0.1:8025", c.Web.Listen), "web", "listen")
		}
	}
	return nil
}

func checkSecurity(v string, allowed []string) error {
	if v == "" {
		return nil
	}
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	s := append([]string{}, allowed...)
	sort.Strings(s)
	return fmt.Errorf("%q: want one of %s", v, strings.Join(s, ", "))
}

func normDomain(d string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")
}
