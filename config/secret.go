package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// ErrNoSecret means neither password_cmd nor password_env is set.
var ErrNoSecret = errors.New("no password source: set password_cmd or password_env")

// Password returns the secret from the command (first line of its output)
// or the environment variable. The value is never logged; errors name the
// source, not the value.
func (s Secret) Password(ctx context.Context) (string, error) {
	return resolveSecret(ctx, s.PasswordCmd, s.PasswordEnv)
}

// LocalPassword returns the password of the proxy's local user.
func (s SMTP) LocalPassword(ctx context.Context) (string, error) {
	return resolveSecret(ctx, s.LocalPasswordCmd, s.LocalPasswordEnv)
}

func resolveSecret(ctx context.Context, cmd, env string) (string, error) {
	switch {
	case cmd != "":
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		c := exec.CommandContext(ctx, "sh", "-c", cmd)
		var stderr bytes.Buffer
		c.Stderr = &stderr
		out, err := c.Output()
		if err != nil {
			msg := strings.TrimSpace(stderr.String())
			if len(msg) > 200 {
				msg = msg[:200]
			}
			return "", fmt.Errorf("password_cmd failed (%v): %s", err, msg)
		}
		line, _, _ := strings.Cut(string(out), "\n")
		line = strings.TrimRight(line, "\r")
		if line == "" {
			return "", errors.New("password_cmd printed nothing")
		}
		return line, nil
	case env != "":
		v, ok := os.LookupEnv(env)
		if !ok || v == "" {
			return "", fmt.Errorf("password_env: $%s is not set", env)
		}
		return v, nil
	}
	return "", ErrNoSecret
}
