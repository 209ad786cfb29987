package smtp

import (
	"errors"

	"github.com/emersion/go-sasl"
)

// SASL mechanisms the proxy speaks.
const (
	mechPlain       = "PLAIN"
	mechLogin       = "LOGIN"
	mechXOAuth2     = "XOAUTH2"
	mechOAuthBearer = sasl.OAuthBearer
)

// loginServer is the server side of the LOGIN mechanism, which go-sasl
// offers as a client only. Clients may put the user name in the initial
// response.
type loginServer struct {
	state int
	user  string
	auth  func(user, pass string) error
}

func newLoginServer(auth func(user, pass string) error) sasl.Server {
	return &loginServer{auth: auth}
}

func (s *loginServer) Next(resp []byte) ([]byte, bool, error) {
	switch s.state {
	case 0:
		if len(resp) == 0 {
			s.state = 1
			return []byte("Username:"), false, nil
		}
		s.user = string(resp)
		s.state = 2
		return []byte("Password:"), false, nil
	case 1:
		s.user = string(resp)
		s.state = 2
		return []byte("Password:"), false, nil
	case 2:
		s.state = 3
		return nil, true, s.auth(s.user, string(resp))
	}
	return nil, true, errors.New("unexpected LOGIN response")
}

// tokenServer takes one opaque response (an XOAUTH2 or OAUTHBEARER initial
// response) and hands it over unread: the upstream judges the token.
type tokenServer struct {
	asked bool
	auth  func(ir []byte) error
}

func newTokenServer(auth func(ir []byte) error) sasl.Server {
	return &tokenServer{auth: auth}
}

func (s *tokenServer) Next(resp []byte) ([]byte, bool, error) {
	if resp == nil && !s.asked {
		s.asked = true
		return []byte{}, false, nil
	}
	return nil, true, s.auth(resp)
}

// tokenClient replays a client's token response to the upstream. When the
// upstream answers with an error challenge (both mechanisms send a JSON
// status as a 334 challenge), it sends the dummy response the mechanisms
// prescribe so the upstream finishes with its failure reply.
type tokenClient struct {
	mech string
	ir   []byte
}

func (c *tokenClient) Start() (string, []byte, error) { return c.mech, c.ir, nil }

func (c *tokenClient) Next(challenge []byte) ([]byte, error) {
	if c.mech == mechOAuthBearer {
		return []byte{0x01}, nil
	}
	return []byte{}, nil
}
