package analyzer

import (
	"testing"
)

// TestClassifyOffersInAnyWords: an offer of a place or a job that wants an
// answer before the Match, from a program or from an employer that is no
// program.
func TestClassifyOffersInAnyWords(t *testing.T) {
	c := testClassifier(t)
	cases := []struct{ from, subj, body, typ, prog string }{
		{"jfeld@meridian.edu", "Research post", "We have an informatics research fellow position available from February; it is a non-Match appointment. Interested?", TypePreMatchOffer, "meridian"},
		{"lchen@northgate-health.org", "Early signing", "Would you think about signing with us now? I could send a contract tomorrow.", TypePreMatchOffer, "northgate"},
		{"Admissions <admissions@westlake-informatics.example>", "Admission", "You have been admitted to our clinical informatics fellowship (non-ACGME). Please confirm your acceptance by December 1.", TypePreMatchOffer, ""},
		{"Recruiting <jobs@coastal-health.example>", "Physician informaticist", "Coastal Health is offering you the physician informaticist role starting in July. We'd need the signed agreement before Match Day.", TypePreMatchOffer, ""},
		{"HR <hr@riverside-hospital.example>", "Contract", "Your contract has been approved by our CMO and is attached. There is a signing bonus if you sign before March 1.", TypePreMatchOffer, ""},
		// a friend's news is no offer to her
		{"Sam <sam.k@mailbox.example>", "guess what", "A hospital offered me an informatics job outside the Match and wants an answer by Friday!", TypeOther, ""},
	}
	for _, k := range cases {
		expectClass(t, k.body, c.Classify(msg(k.from, k.subj, k.body)), Classification{Type: k.typ, Program: k.prog}, "program")
	}
}
