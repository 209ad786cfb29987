package imap

import "github.com/matchguard/matchguard/analyzer"

// Checklist returns what the applicant should weigh before answering an
// alert message (rank-solicitation, pre-match-offer), after the guide's
// advice on early offers and on programs asking about ranking; "" for other
// types. The timeline shows it with the event.
func Checklist(typ string) string {
	switch typ {
	case analyzer.TypePreMatchOffer:
		return "A program offered a position outside the Match. Before you answer: " +
			"(1) accreditation — is it an ACGME-accredited program, and will you be board-eligible in Clinical Informatics afterwards? " +
			"(2) visa — does it sponsor the visa you need (J-1, H-1B) and fit your long-term plans? " +
			"(3) training — structured education and mentorship, or mostly service work? " +
			"(4) Match — does accepting mean withdrawing from the Match? A Match-participating program may not ask that; " +
			"if you are in the Match, ask NRMP (or AMIA for the informatics match) whether the arrangement is allowed. " +
			"Talk it over with a mentor; make no commitment in writing until you are sure."
	case analyzer.TypeRankSolicitation:
		return "A program asked about your ranking or other applications, which Match rules forbid programs to do. " +
			"You need not answer: you may volunteer interest, but never promise a rank or ask how they will rank you. " +
			"Before any reply, check: (1) accreditation and board eligibility of the program, " +
			"(2) visa sponsorship for the visa you need, " +
			"(3) that nothing you write implies a commitment or asks you to withdraw from the Match. " +
			"You may report the contact to NRMP (or AMIA for the informatics match)."
	}
	return ""
}
