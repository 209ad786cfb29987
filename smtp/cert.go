package smtp

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Names of the certificate made on first run, in the data directory.
const (
	certFileName = "smtp-cert.pem"
	keyFileName  = "smtp-key.pem"
)

// loadCert loads certFile/keyFile when both are set; otherwise the
// certificate kept in dataDir, making it on first run (or when it has
// expired). made reports whether a new one was made.
func loadCert(certFile, keyFile, dataDir string, hosts []string) (cert tls.Certificate, made bool, err error) {
	if certFile != "" || keyFile != "" {
		if certFile == "" || keyFile == "" {
			return cert, false, errors.New("smtp: set both cert_file and key_file, or neither")
		}
		cert, err = tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return cert, false, fmt.Errorf("smtp: loading cert_file/key_file: %w", err)
		}
		return cert, false, nil
	}
	if dataDir == "" {
		return cert, false, errors.New("smtp: no data directory for the TLS certificate")
	}
	cp, kp := filepath.Join(dataDir, certFileName), filepath.Join(dataDir, keyFileName)
	cert, err = tls.LoadX509KeyPair(cp, kp)
	if err == nil {
		if leaf, perr := x509.ParseCertificate(cert.Certificate[0]); perr == nil && time.Now().Before(leaf.NotAfter.Add(-24*time.Hour)) {
			return cert, false, nil
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return cert, false, fmt.Errorf("smtp: reading the certificate in %s: %w (delete both files to make a new one)", dataDir, err)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return cert, false, fmt.Errorf("smtp: %w", err)
	}
	certPEM, keyPEM, err := makeCert(hosts, time.Now())
	if err != nil {
		return cert, false, err
	}
	if err := writeFileAtomic(kp, keyPEM, 0o600); err != nil {
		return cert, false, err
	}
	if err := writeFileAtomic(cp, certPEM, 0o644); err != nil {
		return cert, false, err
	}
	cert, err = tls.X509KeyPair(certPEM, keyPEM)
	return cert, true, err
}

// makeCert makes a self-signed ECDSA certificate for hosts, valid 825
// days (the longest some clients accept).
func makeCert(hosts []string, now time.Time) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "matchguard local SMTP proxy", Organization: []string{"matchguard"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(825 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
	}
	seen := map[string]bool{}
	for _, h := range append([]string{"localhost", "127.0.0.1", "::1"}, hosts...) {
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), nil
}

// Fingerprint is the SHA-256 of a certificate, as clients show it
// (AB:CD:…).
func Fingerprint(cert tls.Certificate) string {
	if len(cert.Certificate) == 0 {
		return ""
	}
	sum := sha256.Sum256(cert.Certificate[0])
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
