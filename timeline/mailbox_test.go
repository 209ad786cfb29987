package timeline

import "testing"

func TestMailboxState(t *testing.T) {
	s := newStore(t)
	steps := []struct {
		account, mailbox string
		set              bool
		v, u             uint32
		wantV, wantU     uint32
	}{
		{"amina@example.org", "INBOX", false, 0, 0, 0, 0},
		{"amina@example.org", "INBOX", true, 1700000000, 42, 1700000000, 42},
		{"amina@example.org", "INBOX", true, 1700000000, 4294967295, 1700000000, 4294967295},
		{"amina@example.org", "Archive", false, 0, 0, 0, 0},
		{"other@example.org", "INBOX", true, 7, 1, 7, 1},
		{"amina@example.org", "INBOX", true, 4294967295, 3, 4294967295, 3}, // UIDVALIDITY changed
		{"other@example.org", "INBOX", false, 0, 0, 7, 1},
	}
	for i, st := range steps {
		if st.set {
			if err := s.SetMailboxState(st.account, st.mailbox, st.v, st.u); err != nil {
				t.Fatalf("step %d: SetMailboxState: %v", i, err)
			}
		}
		v, u, err := s.MailboxState(st.account, st.mailbox)
		if err != nil || v != st.wantV || u != st.wantU {
			t.Errorf("step %d: MailboxState(%s, %s) = %d, %d, %v; want %d, %d", i, st.account, st.mailbox, v, u, err, st.wantV, st.wantU)
		}
	}
}
