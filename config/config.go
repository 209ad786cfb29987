// Package config loads matchguard's TOML configuration: the applicant, the
// season and its matches, the program directory, and the SMTP, IMAP and web
// settings.
//
// Decoding is strict: an unknown key, a value of the wrong type or a value
// that fails validation is an *Error naming the file, the line and the key,
// and saying what was expected. Nothing is silently ignored.
package config

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Defaults for the listeners and the mailboxes.
const (
	DefaultSMTPListen = "127.0.0.1:1587"
	DefaultWebListen  = "127.0.0.1:8025"
	// DefaultMaxMessageBytes is the largest message the proxy accepts
	// (35 MiB, a little above what common providers take).
	DefaultMaxMessageBytes = 35 << 20
)

// Config is the whole configuration. The zero value is valid: no programs,
// no upstream, no IMAP account (the sandbox fills these in).
type Config struct {
	// Path is the file the config was read from; empty when none was.
	Path string `toml:"-"`

	Applicant Applicant        `toml:"applicant"`
	Season    Season           `toml:"season"`
	Matches   map[string]Match `toml:"matches"`
	Programs  []Program        `toml:"program"`
	Rules     Rules            `toml:"rules"`
	SMTP      SMTP             `toml:"smtp"`
	IMAP      IMAP             `toml:"imap"`
	Web       Web              `toml:"web"`
	Data      Data             `toml:"data"`
}

// Applicant is the person sending mail.
type Applicant struct {
	Name   string   `toml:"name"`
	Emails []string `toml:"emails"`
}

// Season holds dates that apply to programs that name no match.
type Season struct {
	// RankDeadline is the NRMP Main Match rank deadline by default.
	RankDeadline Date `toml:"rank_deadline"`
}

// Match is one matching service (the NRMP Main Match, AMIA's Clinical
// Informatics match, …) with its own rank deadline.
type Match struct {
	Name         string `toml:"name"`
	RankDeadline Date   `toml:"rank_deadline"`
}

// Program is one program the applicant applies to.
type Program struct {
	// Key is the short stable id used on the command line and in JSON.
	Key         string    `toml:"key"`
	Name        string    `toml:"name"`
	Institution string    `toml:"institution"`
	Aliases     []string  `toml:"aliases"`
	Domains     []string  `toml:"domains"`
	Interview   Date      `toml:"interview"`
	Match       string    `toml:"match"`
	Contacts    []Contact `toml:"contact"`
}

// Contact is a person at a program.
type Contact struct {
	Name  string `toml:"name"`
	Email string `toml:"email"`
	Role  string `toml:"role"`
}

// Rules tunes the analyzer's rules.
type Rules struct {
	// Dir holds user rule files (*.toml); a rule there replaces the
	// built-in rule with the same id. Default: rules/ beside the config.
	Dir string `toml:"dir"`
	// Actions overrides a rule's action: block, hold, warn or off.
	Actions map[string]string `toml:"actions"`
}

// Secret names where a password comes from. Passwords are never written in
// the config itself.
type Secret struct {
	// PasswordCmd is run with sh -c; its first line of output is the password.
	PasswordCmd string `toml:"password_cmd"`
	// PasswordEnv names an environment variable holding the password.
	PasswordEnv string `toml:"password_env"`
}

// SMTP configures the proxy.
type SMTP struct {
	// Listen is the submission address; default 127.0.0.1:1587.
	Listen string `toml:"listen"`
	// TLSListen is an optional implicit-TLS listener.
	TLSListen string `toml:"tls_listen"`
	// Auth is "upstream" (default: the client's credentials are checked by
	// authenticating to the upstream with them) or "local" (a local user;
	// upstream credentials from Upstream's password_cmd/password_env).
	Auth string `toml:"auth"`
	// Username is the local user for auth = "local"; its password comes
	// from LocalPasswordEnv or LocalPasswordCmd.
	Username         string `toml:"username"`
	LocalPasswordCmd string `toml:"local_password_cmd"`
	LocalPasswordEnv string `toml:"local_password_env"`
	// CertFile and KeyFile name a TLS certificate; default: one made on
	// first run in the data directory.
	CertFile string `toml:"cert_file"`
	KeyFile  string `toml:"key_file"`
	// MaxMessageBytes bounds a message; default 35 MiB.
	MaxMessageBytes int64 `toml:"max_message_bytes"`
	// Timeout bounds each read and write on a client connection; default 5m.
	Timeout  Duration `toml:"timeout"`
	Upstream Upstream `toml:"upstream"`
}

// Upstream is the real submission server.
type Upstream struct {
	Address string `toml:"address"`
	// Security is starttls (default), tls or none (none: loopback only).
	Security string `toml:"security"`
	Username string `toml:"username"`
	Secret
}

// IMAP configures the watcher.
type IMAP struct {
	Address string `toml:"address"`
	// Security is tls (default), starttls or none (none: loopback only).
	Security string `toml:"security"`
	Username string `toml:"username"`
	Secret
	// Mailboxes to watch; default ["INBOX"].
	Mailboxes []string `toml:"mailboxes"`
	// Tagging is "auto" (default: keywords where the server allows them,
	// else folders), "keyword" or "folder".
	Tagging string `toml:"tagging"`
	// FolderPrefix is the parent of the type folders; default "Match".
	FolderPrefix string `toml:"folder_prefix"`
	// PollInterval is used where the server has no IDLE; default 1m.
	PollInterval Duration `toml:"poll_interval"`
}

// Web configures the local page.
type Web struct {
	// Listen is the page's address; default 127.0.0.1:8025.
	Listen string `toml:"listen"`
}

// Data says where matchguard keeps its state.
type Data struct {
	// Dir defaults to $XDG_DATA_HOME/matchguard (~/.local/share/matchguard).
	Dir string `toml:"dir"`
}

// DefaultPath is $XDG_CONFIG_HOME/matchguard/config.toml.
func DefaultPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "matchguard", "config.toml")
}

// DefaultDataDir is $XDG_DATA_HOME/matchguard.
func DefaultDataDir() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "matchguard")
}

// Error is a configuration error at a place in a file.
type Error struct {
	File string
	Line int    // 0 when unknown
	Key  string // dotted key, e.g. "program.contact.email"
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// ErrNotFound is returned by LoadDefault when no config file exists.
var ErrNotFound = errors.New("config: no config file")

// LoadDefault loads the file at path, or at DefaultPath when path is empty.
// With an empty path and no file at DefaultPath it returns ErrNotFound, so
// callers can fall back to the sandbox or an empty config.
func LoadDefault(path string) (*Config, error) {
	if path == "" {
		path = DefaultPath()
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, ErrNotFound
		}
	}
	return Load(path)
}

// Load reads, decodes and validates the config at path.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, src)
}

// Parse decodes and validates src; name is used in error messages.
func Parse(name string, src []byte) (*Config, error) {
	var c Config
	md, err := toml.Decode(string(src), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			key := ""
			if pe.LastKey != "" {
				key = pe.LastKey
			}
			return nil, &Error{File: name, Line: pe.Position.Line, Key: key, Msg: cleanTOMLMsg(pe.Message)}
		}
		return nil, &Error{File: name, Msg: err.Error()}
	}
	loc := newLocator(src)
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, &Error{File: name, Line: loc.keyLine(k), Key: k.String(),
			Msg: "unknown key; see docs/config.md for the keys matchguard reads"}
	}
	c.Path = name
	if err := c.validate(name, loc); err != nil {
		return nil, err
	}
	c.applyDefaults(name)
	return &c, nil
}

func cleanTOMLMsg(s string) string {
	s = strings.TrimPrefix(s, "toml: ")
	return s
}

func (c *Config) applyDefaults(path string) {
	if c.SMTP.Listen == "" {
		c.SMTP.Listen = DefaultSMTPListen
	}
	if c.SMTP.Auth == "" {
		c.SMTP.Auth = "upstream"
	}
	if c.SMTP.MaxMessageBytes == 0 {
		c.SMTP.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if c.SMTP.Timeout == 0 {
		c.SMTP.Timeout = Duration(5 * time.Minute)
	}
	if c.SMTP.Upstream.Security == "" {
		c.SMTP.Upstream.Security = "starttls"
	}
	if c.IMAP.Security == "" {
		c.IMAP.Security = "tls"
	}
	if len(c.IMAP.Mailboxes) == 0 {
		c.IMAP.Mailboxes = []string{"INBOX"}
	}
	if c.IMAP.Tagging == "" {
		c.IMAP.Tagging = "auto"
	}
	if c.IMAP.FolderPrefix == "" {
		c.IMAP.FolderPrefix = "Match"
	}
	if c.IMAP.PollInterval == 0 {
		c.IMAP.PollInterval = Duration(time.Minute)
	}
	if c.Web.Listen == "" {
		c.Web.Listen = DefaultWebListen
	}
	if c.Data.Dir == "" {
		c.Data.Dir = DefaultDataDir()
	}
	if c.Rules.Dir == "" && path != "" {
		c.Rules.Dir = filepath.Join(filepath.Dir(path), "rules")
	}
}

// Default returns the config used when no file exists: no programs, and the
// defaults of every section.
func Default() *Config {
	c := &Config{}
	c.applyDefaults("")
	return c
}

// RankDeadline returns the rank deadline that applies to the program with
// the given key: its match's, or the season's. ok is false when neither is set.
func (c *Config) RankDeadline(programKey string) (d Date, match string, ok bool) {
	if p := c.Program(programKey); p != nil && p.Match != "" {
		if m, found := c.Matches[p.Match]; found && !m.RankDeadline.IsZero() {
			return m.RankDeadline, p.Match, true
		}
	}
	if !c.Season.RankDeadline.IsZero() {
		return c.Season.RankDeadline, "", true
	}
	return Date{}, "", false
}

// Program returns the program with the given key, or nil.
func (c *Config) Program(key string) *Program {
	for i := range c.Programs {
		if c.Programs[i].Key == key {
			return &c.Programs[i]
		}
	}
	return nil
}

// IsLoopback reports whether addr (host:port) names a loopback host.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
