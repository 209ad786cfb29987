package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestClassifyCommand(t *testing.T) {
	dir := t.TempDir()
	eml := filepath.Join(dir, "invite.eml")
	os.WriteFile(eml, []byte("From: Samuel Okafor <sokafor@harborvalley.edu>\r\nTo: amina.rahman@example.org\r\nDate: Thu, 22 Oct 2026 09:00:00 -0400\r\nSubject: interview\r\n\r\nDr Rahman - loved your application. Could you do a video interview with us Thursday 11/5? Priya will send details.\r\n"), 0o600)
	other := filepath.Join(dir, "other.eml")
	os.WriteFile(other, []byte("From: deals@shop.example\r\nSubject: 20% off\r\nDate: Thu, 22 Oct 2026 09:00:00 -0400\r\n\r\nOur autumn sale starts now.\r\n"), 0o600)

	var out, errb bytes.Buffer
	code := runClassify([]string{"--config", "../../testdata/mail/config.toml", "--json", eml, other}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %q", out.String())
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first["type"] != "interview-invite" || first["program"] != "harbor-valley" || first["interview_date"] != "2026-11-05" {
		t.Errorf("first: %v", first)
	}
	if !strings.Contains(lines[1], `"program":null`) || !strings.Contains(lines[1], `"interview_date":null`) || !strings.Contains(lines[1], `"type":"other"`) {
		t.Errorf("second: %s", lines[1])
	}

	out.Reset()
	errb.Reset()
	if code := runClassify([]string{"--config", "../../testdata/mail/config.toml", filepath.Join(dir, "missing.eml"), eml}, &out, &errb); code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
	if !strings.Contains(out.String(), "type:       interview-invite") || !strings.Contains(errb.String(), "missing.eml") {
		t.Errorf("readable output %q, stderr %q", out.String(), errb.String())
	}
	if code := runClassify(nil, &out, &errb); code != 2 {
		t.Errorf("no files: exit %d, want 2", code)
	}
	if code := runClassify([]string{"--config", filepath.Join(dir, "nope.toml"), eml}, &out, &errb); code != 2 {
		t.Errorf("bad config: exit %d, want 2", code)
	}
}
