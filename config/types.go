package config

import (
	"fmt"
	"time"
)

// Date is a calendar day with no time zone, as TOML writes 2026-12-03.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MakeDate returns the calendar day of t in t's location.
func MakeDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as 2006-01-02, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// In returns the start of the day in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// UnmarshalTOML accepts a TOML local date (or a date-time, whose day is
// kept) and a quoted "2006-01-02" string.
func (d *Date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		*d = MakeDate(x)
		return nil
	case string:
		t, err := time.Parse("2006-01-02", x)
		if err != nil {
			return fmt.Errorf("want a date like 2026-12-03, got %q", x)
		}
		*d = MakeDate(t)
		return nil
	}
	return fmt.Errorf("want a date like 2026-12-03, got %T", v)
}

// MarshalText formats the date as 2006-01-02.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Duration is a time.Duration written as "30s", "5m", "1h".
type Duration time.Duration

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("want a duration like \"30s\" or \"5m\", got %q", b)
	}
	*d = Duration(v)
	return nil
}

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }
