//go:build integration

package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pySMTP is a Python smtplib client: it connects, optionally STARTTLS
// (not verifying the proxy's self-signed certificate) and logs in, then
// sends a file, or a freshly built multipart message (gen:SUBJECT:TEXT),
// which gets a new Message-ID, Date and MIME boundary on every run.
const pySMTP = `
import json, smtplib, ssl, sys
from email.message import EmailMessage
from email.utils import make_msgid, formatdate
from email import policy
host, port, starttls, user, pw, frm, rcpts, src = sys.argv[1:9]
if src.startswith("gen:"):
    _, subject, text = src.split(":", 2)
    m = EmailMessage()
    m["From"] = "Amina Rahman <" + frm + ">"
    m["To"] = ", ".join(rcpts.split(","))
    m["Subject"] = subject
    m["Date"] = formatdate(localtime=True)
    m["Message-ID"] = make_msgid(domain="example.org")
    m.set_content(text.replace("\\n", "\n"))
    m.add_attachment(b"%PDF-1.4 poster abstract\n", maintype="application", subtype="pdf", filename="abstract.pdf")
    data = m.as_bytes(policy=policy.SMTP)
else:
    data = open(src, "rb").read()
res = {"ok": False}
try:
    s = smtplib.SMTP(host, int(port), timeout=60)
    s.ehlo()
    if starttls == "1":
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        s.starttls(context=ctx)
        s.ehlo()
    if user:
        s.login(user, pw)
    s.sendmail(frm, rcpts.split(","), data)
    res = {"ok": True}
    s.quit()
except smtplib.SMTPRecipientsRefused as e:
    code, msg = list(e.recipients.values())[0]
    res = {"ok": False, "code": code, "msg": msg.decode()}
except smtplib.SMTPResponseException as e:
    err = e.smtp_error.decode() if isinstance(e.smtp_error, bytes) else str(e.smtp_error)
    res = {"ok": False, "code": e.smtp_code, "msg": err}
except Exception as e:
    res = {"ok": False, "code": 0, "msg": repr(e)}
print(json.dumps(res))
`

type pyResult struct {
	OK   bool   `json:"ok"`
	Code int    `json:"code"`
	Msg  string `json:"msg"`
}

// pySend sends with Python's smtplib through addr.
func pySend(t *testing.T, addr string, starttls bool, user, pass, from string, rcpts []string, src string) pyResult {
	t.Helper()
	py := requireTool(t, "python3")
	host, port := hostPort(addr)
	tls := "0"
	if starttls {
		tls = "1"
	}
	out, err := runTool(t, nil, py, "-c", pySMTP, host, port, tls, user, pass, from, strings.Join(rcpts, ","), src)
	var r pyResult
	if jerr := json.Unmarshal([]byte(lastLines(out, 1)), &r); jerr != nil {
		t.Fatalf("python smtplib: %v %v\n%s", err, jerr, out)
	}
	return r
}

// swaksSend sends a file with swaks over STARTTLS with AUTH mech.
func swaksSend(t *testing.T, addr, mech, user, pass, from, to, file string) (string, error) {
	t.Helper()
	swaks := requireTool(t, "swaks")
	host, port := hostPort(addr)
	args := []string{"--server", host, "--port", port, "--tls", "--from", from, "--to", to,
		"--helo", "client.example.org", "--data", "@" + file, "--timeout", "60"}
	if mech != "" {
		args = append(args, "--auth", mech, "--auth-user", user, "--auth-password", pass)
	}
	return runTool(t, nil, swaks, args...)
}

// msmtpSend sends a file with msmtp over STARTTLS with AUTH PLAIN.
func msmtpSend(t *testing.T, addr, user, pass, from, to, file string) (string, error) {
	t.Helper()
	msmtp := requireTool(t, "msmtp")
	host, port := hostPort(addr)
	pwFile := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pwFile, []byte(pass+"\n"), 0o600)
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return runTool(t, f, msmtp, "--file=/dev/null", "--host="+host, "--port="+port,
		"--tls=on", "--tls-starttls=on", "--tls-certcheck=off", "--auth=plain",
		"--user="+user, "--passwordeval=cat "+pwFile, "--from="+from, "--domain=client.example.org", "--", to)
}
