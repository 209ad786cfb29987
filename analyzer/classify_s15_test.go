package analyzer

import "testing"

// TestClassifyPlaceIsNoSender: a service's automatic mail that names a
// program only as where a ride, a stay or a parking spot is (the name with
// a street address after it), or as where a document goes (the name heading
// an address block), is not the program's mail; the same kind of
// service telling what the program did is.
func TestClassifyPlaceIsNoSender(t *testing.T) {
	c := testClassifier(t)
	checkFull(t, c, []fullCase{
		{"Parkly <no-reply@parkly.example>", "Your parking is booked for Tuesday",
			"Reservation confirmed: Tuesday, December 1, 6:30 AM to 5:00 PM.\nLocation: St. Brendan's Children's Hospital Visitor Garage, 2200 Linden Avenue\nHere for an interview or an appointment? Show the QR code at the gate.\nYou are receiving this because you booked with Parkly.",
			TypeOther, "", ""},
		{"StayFinder <noreply@stayfinder.example>", "Booking confirmed: 2 nights near Meridian",
			"Your stay is confirmed. Check-in Sunday, January 10. Hotel Orrin, 3 blocks from Meridian State University, 118 College Street. Travelling for a residency or fellowship interview? Ask the front desk about the shuttle.",
			TypeOther, "", ""},
		{"Transcripts Direct <no-reply@transcriptsdirect.example>", "Action needed: release form for your MSPE order",
			"Before we can send your Dean's Letter for your residency application to the office below, we need your signed release form. Please upload it in your account by Friday.\n\nRecipient:\nNorthgate Regional Hospital\nOffice of Graduate Medical Education\nDetroit, MI 48201\n\nThis is an automated message; replies are not read.",
			TypeOther, "", ""},
		{"Residency Portal <notifications@residencyportal.example>", "Status update from Harbor Valley Health",
			"Harbor Valley Health has added you to the interview waitlist for its Clinical Informatics Fellowship. You will be notified here if a date opens. Do not reply to this automated message.",
			TypeWaitlist, "harbor-valley", ""},
	})
}
