package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
)

// csrfField is the hidden form field holding the token.
const csrfField = "csrf"

// csrfToken returns the token for this browser's cookie value, setting a
// new cookie when the browser has none (signed double-submit: the cookie
// holds a random value, the form its HMAC under the process's secret).
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	nonce := ""
	if c, err := r.Cookie(s.cookie); err == nil && validNonce(c.Value) {
		nonce = c.Value
	} else {
		b := make([]byte, 24)
		rand.Read(b)
		nonce = base64.RawURLEncoding.EncodeToString(b)
		http.SetCookie(w, &http.Cookie{
			Name: s.cookie, Value: nonce, Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode,
		})
	}
	return s.sign(nonce)
}

func (s *Server) sign(nonce string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("matchguard-csrf\x00"))
	m.Write([]byte(nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func validNonce(v string) bool {
	b, err := base64.RawURLEncoding.DecodeString(v)
	return err == nil && len(b) == 24
}

// checkCSRF reports whether a state-changing request carries a valid
// token for its cookie and, when the browser says where it comes from,
// comes from this page.
func (s *Server) checkCSRF(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || !s.hosts[u.Host] {
			return false
		}
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	c, err := r.Cookie(s.cookie)
	if err != nil || !validNonce(c.Value) {
		return false
	}
	r.Body = http.MaxBytesReader(nil, r.Body, 64<<10)
	got := r.PostFormValue(csrfField)
	if got == "" {
		return false
	}
	return hmac.Equal([]byte(got), []byte(s.sign(c.Value)))
}
