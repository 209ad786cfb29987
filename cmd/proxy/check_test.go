package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const corpusConfig = "../../testdata/mail/config.toml"

func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

func writeDraft(t *testing.T, dir, name, to, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	msg := "From: amina.rahman@example.org\nTo: " + to + "\nSubject: Note\nDate: Mon, 16 Nov 2026 09:00:00 +0000\n\n" + body + "\n"
	if err := os.WriteFile(p, []byte(msg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckJSONAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := writeDraft(t, dir, "good.eml", "hpark@lakeside-med.org", "Thank you for your time and the helpful tour.")
	bad := writeDraft(t, dir, "bad.eml", "hpark@lakeside-med.org", "If you rank me highly, I will rank you first.")
	friend := writeDraft(t, dir, "friend.eml", "pal@example.net", "Lunch on Friday?")

	out, errOut, code := runCmd(t, "check", "--config", corpusConfig, "--db", filepath.Join(dir, "db"), "--json", good, bad, friend)
	if code != 1 {
		t.Fatalf("exit = %d, want 1 (a block); stderr: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3:\n%s", len(lines), out)
	}
	var got []checkOutput
	for _, l := range lines {
		var o checkOutput
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		got = append(got, o)
	}
	if got[0].File != good || got[0].Verdict != "pass" || got[0].Program == nil || *got[0].Program != "lakeside" {
		t.Errorf("good: %+v", got[0])
	}
	if got[1].Verdict != "block" || len(got[1].Findings) == 0 || got[1].Findings[0].Rule != "quid-pro-quo" || got[1].Findings[0].Suggestion == "" {
		t.Errorf("bad: %+v", got[1])
	}
	if got[2].Program != nil || got[2].Verdict != "pass" {
		t.Errorf("friend: program %v verdict %s, want null and pass", got[2].Program, got[2].Verdict)
	}
	if !strings.Contains(lines[2], `"program":null`) {
		t.Errorf("friend line lacks \"program\":null: %s", lines[2])
	}

	if _, _, code := runCmd(t, "check", "--config", corpusConfig, "--db", filepath.Join(dir, "db"), good); code != 0 {
		t.Errorf("all pass: exit = %d, want 0", code)
	}
	if _, errOut, code := runCmd(t, "check", "--config", corpusConfig, filepath.Join(dir, "missing.eml")); code != 2 || !strings.Contains(errOut, "missing.eml") {
		t.Errorf("missing file: exit = %d, stderr %q; want 2 naming the file", code, errOut)
	}
	if _, _, code := runCmd(t, "check"); code != 2 {
		t.Errorf("no files: exit = %d, want 2", code)
	}
}

func TestCheckBadConfigIsOneLine(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("[applicant]\nname = \"A\"\nnmae = \"typo\"\n"), 0o644)
	draft := writeDraft(t, dir, "d.eml", "x@example.org", "hi")
	_, errOut, code := runCmd(t, "check", "--config", cfg, draft)
	if code != 2 {
		t.Fatalf("exit = %d, want 2", code)
	}
	if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "config.toml:3") || !strings.Contains(errOut, "applicant.nmae") {
		t.Errorf("stderr = %q, want one line naming config.toml:3 and applicant.nmae", errOut)
	}
}

func TestCheckRecordFeedsHistory(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ledger.db")
	first := writeDraft(t, dir, "a.eml", "hpark@lakeside-med.org", "After much thought, Lakeside is my top choice.")
	second := writeDraft(t, dir, "b.eml", "sokafor@harborvalley.edu", "After much thought, Harbor Valley is my top choice.")
	if _, errOut, code := runCmd(t, "check", "--config", corpusConfig, "--db", db, "--record", first); code != 0 {
		t.Fatalf("first top choice: exit %d (%s), want 0 (warn)", code, errOut)
	}
	out, _, code := runCmd(t, "check", "--config", corpusConfig, "--db", db, "--json", second)
	if code != 1 || !strings.Contains(out, "top-choice-duplicate") {
		t.Errorf("second top choice: exit %d, out %s; want 1 with top-choice-duplicate", code, out)
	}
}

func TestRulesListsEveryRule(t *testing.T) {
	out, _, code := runCmd(t, "rules", "--config", corpusConfig)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, id := range []string{"quid-pro-quo", "rank-solicitation", "placeholder", "wrong-program", "top-choice-duplicate",
		"binding-commitment", "mass-email", "update-limit", "premature-offer-ask", "unprompted-attachments", "oversharing",
		"pressure", "late-thank-you", "top-choice"} {
		if !strings.Contains(out, id) {
			t.Errorf("rules output lacks %s", id)
		}
	}
}
