package config

import (
	"net/mail"
	"strings"
)

// ProgramFor returns the program an address belongs to: a contact's exact
// address first, then the longest configured domain that equals the
// address's domain or is a parent of it (med.lakeside.org matches
// lakeside.org). Comparison is case-insensitive. It returns nil for anyone
// else. addr may be a bare address or a full "Name <addr>" form.
func (c *Config) ProgramFor(addr string) *Program {
	a := normAddr(addr)
	if a == "" {
		return nil
	}
	for i := range c.Programs {
		if c.Programs[i].hasContact(a) {
			return &c.Programs[i]
		}
	}
	at := strings.LastIndexByte(a, '@')
	if at < 0 {
		return nil
	}
	dom := a[at+1:]
	var best *Program
	bestLen := 0
	for i := range c.Programs {
		for _, d := range c.Programs[i].Domains {
			d = normDomain(d)
			if (dom == d || strings.HasSuffix(dom, "."+d)) && len(d) > bestLen {
				best, bestLen = &c.Programs[i], len(d)
			}
		}
	}
	return best
}

// HasContact reports whether addr (bare or "Name <addr>") is the address
// of one of p's contacts, case-insensitively.
func (p *Program) HasContact(addr string) bool {
	a := normAddr(addr)
	return a != "" && p.hasContact(a)
}

// hasContact is HasContact for an address already normalized.
func (p *Program) hasContact(a string) bool {
	for _, ct := range p.Contacts {
		if strings.EqualFold(ct.Email, a) {
			return true
		}
	}
	return false
}

// OwnsHost reports whether host (a domain, lower case) is one of p's
// domains or a subdomain of one.
func (p *Program) OwnsHost(host string) bool {
	for _, d := range p.Domains {
		d = normDomain(d)
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// ProgramsFor resolves each address and returns the distinct programs in
// the order first seen.
func (c *Config) ProgramsFor(addrs []string) []*Program {
	var out []*Program
	seen := map[string]bool{}
	for _, a := range addrs {
		if p := c.ProgramFor(a); p != nil && !seen[p.Key] {
			seen[p.Key] = true
			out = append(out, p)
		}
	}
	return out
}

// IsApplicant reports whether addr is one of the applicant's own addresses.
func (c *Config) IsApplicant(addr string) bool {
	a := normAddr(addr)
	for _, e := range c.Applicant.Emails {
		if strings.EqualFold(strings.TrimSpace(e), a) {
			return true
		}
	}
	return false
}

// Names returns every name the program is known by: name, institution and
// aliases, without empties.
func (p *Program) Names() []string {
	var out []string
	for _, s := range append([]string{p.Institution, p.Name}, p.Aliases...) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Label is the program's display name: "Name, Institution" or whichever is set.
func (p *Program) Label() string {
	switch {
	case p.Name != "" && p.Institution != "":
		return p.Name + ", " + p.Institution
	case p.Institution != "":
		return p.Institution
	}
	return p.Name
}

func normAddr(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if a, err := mail.ParseAddress(s); err == nil {
		s = a.Address
	} else {
		s = strings.Trim(s, "<>")
	}
	return strings.ToLower(s)
}
