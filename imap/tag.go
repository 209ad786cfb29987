package imap

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	goimap "github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/matchguard/matchguard/analyzer"
)

// Keyword returns the IMAP keyword for an incoming type: "match-<type>",
// or "" for "other".
func Keyword(typ string) string {
	if typ == "" || typ == analyzer.TypeOther {
		return ""
	}
	return "match-" + typ
}

// FolderName returns the folder a type's copies go to in folder mode:
// prefix, the server's hierarchy delimiter, and the type in title case
// ("Match/Interview-Invite").
func FolderName(prefix string, delim rune, typ string) string {
	parts := strings.Split(typ, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	if delim == 0 {
		delim = '/'
	}
	return prefix + string(delim) + strings.Join(parts, "-")
}

// tagger applies tags on one connection with the mailbox selected.
type tagger struct {
	m        *mailbox
	c        *imapclient.Client
	keywords bool // set match-<type> keywords
	folders  bool // copy into <prefix>/<Type>
	flagged  bool // \Flagged may be set
	delim    rune
	prefix   string          // folder prefix, with the namespace's prefix
	known    map[string]bool // folders known to exist
}

// newTagger decides how to tag from the config and SELECT's PERMANENTFLAGS.
func (m *mailbox) newTagger(c *imapclient.Client, sel *goimap.SelectData) (*tagger, error) {
	w := m.w
	t := &tagger{m: m, c: c, known: map[string]bool{}, prefix: w.imap.FolderPrefix}
	wildcard := hasFlag(sel.PermanentFlags, goimap.FlagWildcard)
	// A server that sends no PERMANENTFLAGS allows all flags (RFC 3501
	// 7.1); one that does must list \Flagged for it to stick.
	t.flagged = len(sel.PermanentFlags) == 0 || hasFlag(sel.PermanentFlags, goimap.FlagFlagged) || wildcard
	switch w.imap.Tagging {
	case "keyword":
		t.keywords = true
		if !wildcard {
			m.log.Warn("the server does not accept new keywords here (no \\* in PERMANENTFLAGS); set tagging = \"auto\" or \"folder\" to tag with folders")
		}
	case "folder":
		t.folders = true
	default: // auto
		if wildcard {
			t.keywords = true
		} else {
			t.folders = true
			m.log.Info("keywords are refused here (no \\* in PERMANENTFLAGS): tagging with folders", "prefix", t.prefix)
		}
	}
	if t.folders {
		if err := t.learnHierarchy(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// learnHierarchy finds the hierarchy delimiter and the personal namespace.
func (t *tagger) learnHierarchy() error {
	list, err := t.c.List("", "", nil).Collect()
	if err != nil {
		return fmt.Errorf("list delimiter: %w", err)
	}
	t.delim = '/'
	if len(list) > 0 && list[0].Delim != 0 {
		t.delim = list[0].Delim
	}
	if t.c.Caps().Has(goimap.CapNamespace) {
		ns, err := t.c.Namespace().Wait()
		if err == nil && len(ns.Personal) > 0 {
			p := ns.Personal[0].Prefix
			if p != "" && !strings.HasPrefix(t.prefix, p) {
				t.prefix = p + t.prefix
			}
		}
	}
	return nil
}

func hasFlag(flags []goimap.Flag, f goimap.Flag) bool {
	for _, x := range flags {
		if strings.EqualFold(string(x), string(f)) {
			return true
		}
	}
	return false
}

// storeAsync adds keywords and \Flagged with UID STORE +FLAGS.SILENT, one
// command per set of flags (so one per type) with the batch's UIDs, all
// sent at once; wait collects their replies. A refusal by the server (NO)
// is logged and the batch goes on; a broken connection is returned by
// wait. results must stay in place until wait returns.
func (t *tagger) storeAsync(results []result) *pendingStores {
	groups := map[string][]int{} // flags joined by space → indexes
	var order []string
	for i, r := range results {
		if r.failed {
			continue
		}
		var flags []string
		if t.keywords {
			if k := Keyword(r.ev.Type); k != "" {
				flags = append(flags, k)
			}
		}
		if t.flagged && analyzer.IsAlert(r.ev.Type) {
			flags = append(flags, string(goimap.FlagFlagged))
		}
		if len(flags) == 0 {
			continue
		}
		key := strings.Join(flags, " ")
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], i)
	}
	p := &pendingStores{t: t, results: results}
	for _, key := range order {
		var set goimap.UIDSet
		for _, i := range groups[key] {
			set.AddNum(goimap.UID(results[i].uid))
		}
		var flags []goimap.Flag
		for _, f := range strings.Fields(key) {
			flags = append(flags, goimap.Flag(f))
		}
		cmd := t.c.Store(set, &goimap.StoreFlags{Op: goimap.StoreFlagsAdd, Silent: true, Flags: flags}, nil)
		p.cmds = append(p.cmds, pendingStore{key: key, idx: groups[key], cmd: cmd})
	}
	return p
}

// pendingStores are STORE commands sent and not yet answered.
type pendingStores struct {
	t       *tagger
	results []result
	cmds    []pendingStore
}

type pendingStore struct {
	key string // the flags, joined by spaces
	idx []int  // into results
	cmd *imapclient.FetchCommand
}

// wait collects the replies and marks the messages tagged. Calling it
// again returns nil.
func (p *pendingStores) wait() error {
	var connErr error
	for _, s := range p.cmds {
		err := s.cmd.Close()
		if err == nil {
			for _, i := range s.idx {
				p.results[i].tagged = true
			}
			continue
		}
		var ie *goimap.Error
		if errors.As(err, &ie) {
			p.t.m.log.Warn("the server refused the tags", "flags", s.key, "err", err)
			continue
		}
		if connErr == nil {
			connErr = fmt.Errorf("uid store: %w", err)
		}
	}
	p.cmds = nil
	return connErr
}

// copy puts each result into its type's folder with UID COPY, creating the
// folder when missing. The original is not touched.
func (t *tagger) copy(rs []*result) error {
	byType := map[string][]*result{}
	var types []string
	for _, r := range rs {
		if _, ok := byType[r.ev.Type]; !ok {
			types = append(types, r.ev.Type)
		}
		byType[r.ev.Type] = append(byType[r.ev.Type], r)
	}
	slices.Sort(types)
	for _, typ := range types {
		folder := FolderName(t.prefix, t.delim, typ)
		if err := t.ensureFolder(folder); err != nil {
			var ie *goimap.Error
			if errors.As(err, &ie) {
				t.m.log.Warn("cannot create the folder", "folder", folder, "err", err)
				continue
			}
			return err
		}
		var set goimap.UIDSet
		for _, r := range byType[typ] {
			set.AddNum(goimap.UID(r.uid))
		}
		if _, err := t.c.Copy(set, folder).Wait(); err != nil {
			var ie *goimap.Error
			if errors.As(err, &ie) {
				t.m.log.Warn("the server refused the copy", "folder", folder, "err", err)
				continue
			}
			return fmt.Errorf("uid copy: %w", err)
		}
		for _, r := range byType[typ] {
			r.tagged = true
		}
	}
	return nil
}

func (t *tagger) ensureFolder(name string) error {
	if t.known[name] {
		return nil
	}
	list, err := t.c.List("", name, nil).Collect()
	if err != nil {
		return fmt.Errorf("list %s: %w", name, err)
	}
	exists := false
	for _, l := range list {
		if l.Mailbox == name && !slices.Contains(l.Attrs, goimap.MailboxAttrNoSelect) {
			exists = true
		}
	}
	if !exists {
		err := t.c.Create(name, nil).Wait()
		var ie *goimap.Error
		if err != nil && !(errors.As(err, &ie) && ie.Code == goimap.ResponseCodeAlreadyExists) {
			return err
		}
		if err == nil {
			t.m.log.Info("created folder", "folder", name)
		}
	}
	t.known[name] = true
	return nil
}
