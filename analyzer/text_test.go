package analyzer

import (
	"strings"
	"testing"
)

func TestSplitOwn(t *testing.T) {
	tests := []struct {
		name                 string
		text                 string
		own, quoted, sig     string
		quotedHas, quotedNot string // checked instead of quoted when set
	}{
		{
			name: "plain with closing kept",
			text: "Dear Dr. Park,\n\nThank you.\n\n\n\nSincerely,\nAmina Rahman, MD\n",
			own:  "Dear Dr. Park,\n\nThank you.\n\nSincerely,\nAmina Rahman, MD",
		},
		{
			name:   "gmail top post",
			text:   "Yes, I accept.\n\nOn Fri, Nov 20, 2026 at 3:02 PM Helen Park <hpark@lakeside-med.org> wrote:\n> How will you rank us?\n> Thanks",
			own:    "Yes, I accept.",
			quoted: "On Fri, Nov 20, 2026 at 3:02 PM Helen Park <hpark@lakeside-med.org> wrote:\n> How will you rank us?\n> Thanks",
		},
		{
			name:   "gmail attribution wrapped over two lines",
			text:   "Yes.\n\nOn Fri, Nov 20, 2026 at 3:02 PM Helen Park <\nhpark@lakeside-med.org> wrote:\n\n> How will you rank us?",
			own:    "Yes.",
			quoted: "On Fri, Nov 20, 2026 at 3:02 PM Helen Park <\nhpark@lakeside-med.org> wrote:\n> How will you rank us?",
		},
		{
			name:      "apple mail, unquoted original after attribution",
			text:      "Thanks!\n\nOn Nov 20, 2026, at 15:02, Helen Park <hpark@lakeside-med.org> wrote:\n\nHow will you rank us?\nBest, Helen",
			own:       "Thanks!",
			quotedHas: "How will you rank us?",
		},
		{
			name: "thunderbird attribution without address",
			text: "Thanks!\n\nOn 11/20/26 3:02 PM, Helen Park wrote:\n> How will you rank us?",
			own:  "Thanks!", quotedHas: "rank us",
		},
		{
			name:   "bottom posting keeps own text after the quote",
			text:   "On Fri, Nov 20, 2026 at 3:02 PM Helen Park <hpark@x.org> wrote:\n> Can you come on Dec 3?\n\nYes, Dec 3 works for me.",
			own:    "Yes, Dec 3 works for me.",
			quoted: "On Fri, Nov 20, 2026 at 3:02 PM Helen Park <hpark@x.org> wrote:\n> Can you come on Dec 3?",
		},
		{
			name:   "interleaved",
			text:   "Hi Helen,\n\n> Can you come on Dec 3?\nYes.\n\n> Do you need parking?\n>\n> Thanks\nNo, thank you.\n",
			own:    "Hi Helen,\n\nYes.\n\nNo, thank you.",
			quoted: "> Can you come on Dec 3?\n> Do you need parking?\n>\n> Thanks",
		},
		{
			name:      "a quoted line wrapped without its marker stays quoted",
			text:      "Attached, as you asked.\n\nOn Sat, Nov 7, 2026 at 10:02 AM Jonah Feld <jfeld@x.edu> wrote:\n> Our committee is still working through files. Could you send me your\ncurrent CV and a one-page statement so I can share them with the group?\n>\n> Jonah",
			own:       "Attached, as you asked.",
			quotedHas: "current CV and a one-page statement",
		},
		{
			name:      "a quoted line wrapped twice without its marker stays quoted",
			text:      "Sent.\n\nOn Sat, Nov 7, 2026 at 10:02 AM Jonah Feld <jfeld@x.edu> wrote:\n> Our committee is still working through the files this week, and could you\nsend me your current CV and a one-page statement of your informatics\ninterests so I can share them with the group?\n>\n> Jonah",
			own:       "Sent.",
			quotedHas: "interests so I can share them",
		},
		{
			name:   "a short quoted question answered in lower case is her answer",
			text:   "> Can you come on Monday\nyes, Monday works\n",
			own:    "yes, Monday works",
			quoted: "> Can you come on Monday",
		},
		{
			name: "greater-than in own text is not a quote",
			text: ">90th percentile on Step 2.\nThanks",
			own:  ">90th percentile on Step 2.\nThanks",
		},
		{
			name:      "outlook plain header block",
			text:      "I will be there.\n\n________________________________\nFrom: Helen Park <hpark@lakeside-med.org>\nSent: Friday, November 20, 2026 3:02 PM\nTo: Amina Rahman <amina@example.org>\nSubject: Interview day\n\nWhere will you rank us?",
			own:       "I will be there.",
			quotedHas: "Where will you rank us?",
		},
		{
			name:      "outlook bold variant",
			text:      "Noted.\n\n*From:* Helen Park <hpark@lakeside-med.org>\n*Sent:* Friday, November 20, 2026 3:02 PM\n*To:* Amina Rahman\n*Subject:* Interview day\n\nOld text",
			own:       "Noted.",
			quotedHas: "Old text",
		},
		{
			name:      "outlook german",
			text:      "Danke.\n\nVon: Helen Park <hpark@x.org>\nGesendet: Freitag, 20. November 2026 15:02\nAn: Amina\nBetreff: Termin\n\nAlt",
			own:       "Danke.",
			quotedHas: "Alt",
		},
		{
			name:      "outlook french",
			text:      "Merci.\n\nDe : Helen Park <hpark@x.org>\nEnvoyé : vendredi 20 novembre 2026 15:02\nÀ : Amina\nObjet : Entretien\n\nAncien",
			own:       "Merci.",
			quotedHas: "Ancien",
		},
		{
			name: "from line alone is own text",
			text: "From: the desk of Amina\nI am writing to update you.",
			own:  "From: the desk of Amina\nI am writing to update you.",
		},
		{
			name:      "original message separator",
			text:      "See below.\n\n-----Original Message-----\nFrom: Helen\nWe rank you highly.",
			own:       "See below.",
			quotedHas: "We rank you highly.",
		},
		{
			name:      "gmail forward",
			text:      "FYI\n\n---------- Forwarded message ---------\nFrom: Helen Park <hpark@x.org>\nDate: Fri, Nov 20, 2026\n\nOld",
			own:       "FYI",
			quotedHas: "Old",
		},
		{
			name:      "apple forward",
			text:      "FYI\n\nBegin forwarded message:\n\nFrom: Helen\nOld",
			own:       "FYI",
			quotedHas: "Old",
		},
		{
			name:      "thunderbird forward",
			text:      "FYI\n\n-------- Original Message --------\nSubject: x\nOld",
			own:       "FYI",
			quotedHas: "Old",
		},
		{
			name:      "german forward separator",
			text:      "Zur Info\n\n-------- Weitergeleitete Nachricht --------\nAlt",
			own:       "Zur Info",
			quotedHas: "Alt",
		},
		{
			name: "signature dash dash space",
			text: "Thank you.\n\n-- \nAmina Rahman, MD\nPGY-1 applicant",
			own:  "Thank you.",
			sig:  "-- \nAmina Rahman, MD\nPGY-1 applicant",
		},
		{
			name: "signature dash dash",
			text: "Thank you.\n--\nAmina",
			own:  "Thank you.",
			sig:  "--\nAmina",
		},
		{
			name: "mobile footer",
			text: "Will do.\n\nSent from my iPhone",
			own:  "Will do.",
			sig:  "Sent from my iPhone",
		},
		{
			name: "get outlook footer then quote",
			text: "Will do.\n\nGet Outlook for iOS\n________________________________\nFrom: Helen Park <hpark@x.org>\nSent: Friday\nTo: Amina\nSubject: x\n\nOld",
			own:  "Will do.", sig: "Get Outlook for iOS", quotedHas: "Old",
		},
		{
			name: "signature then gmail quote",
			text: "Yes.\n-- \nAmina\n\nOn Fri, Nov 20, 2026 at 3:02 PM Helen <h@x.org> wrote:\nunquoted old text",
			own:  "Yes.", sig: "-- \nAmina", quotedHas: "unquoted old text",
		},
		{name: "french", text: "Oui.\n\nLe ven. 20 nov. 2026 à 15:02, Helen Park <h@x.org> a écrit :\nAncien", own: "Oui.", quotedHas: "Ancien"},
		{name: "german", text: "Ja.\n\nAm 20.11.2026 um 15:02 schrieb Helen Park <h@x.org>:\nAlt", own: "Ja.", quotedHas: "Alt"},
		{name: "spanish", text: "Sí.\n\nEl vie, 20 nov 2026 a las 15:02, Helen Park (<h@x.org>) escribió:\nViejo", own: "Sí.", quotedHas: "Viejo"},
		{name: "portuguese", text: "Sim.\n\nEm sex., 20 de nov. de 2026 às 15:02, Helen Park <h@x.org> escreveu:\nVelho", own: "Sim.", quotedHas: "Velho"},
		{name: "italian", text: "Sì.\n\nIl giorno ven 20 nov 2026 alle ore 15:02 Helen Park <h@x.org> ha scritto:\nVecchio", own: "Sì.", quotedHas: "Vecchio"},
		{name: "dutch", text: "Ja.\n\nOp vr 20 nov 2026 om 15:02 schreef Helen Park <h@x.org>:\nOud", own: "Ja.", quotedHas: "Oud"},
		{name: "chinese", text: "好的。\n\n在 2026年11月20日 15:02，Helen Park <h@x.org> 写道：\n旧", own: "好的。", quotedHas: "旧"},
		{name: "korean", text: "네.\n\n2026년 11월 20일 (금) 오후 3:02, Helen Park <h@x.org>님이 작성:\n옛", own: "네.", quotedHas: "옛"},
		{name: "russian", text: "Да.\n\n20.11.2026 15:02, Helen Park пишет:\nСтарое", own: "Да.", quotedHas: "Старое"},
		{name: "russian 2", text: "Да.\n\nпт, 20 нояб. 2026 г. в 15:02, Helen Park <h@x.org> написал(а):\nСтарое", own: "Да.", quotedHas: "Старое"},
		{
			name: "own sentence ending in wrote: is not an attribution",
			text: "On reflection, here is what I wrote:\nI remain very interested.",
			own:  "On reflection, here is what I wrote:\nI remain very interested.",
		},
		{name: "empty", text: ""},
		{name: "CRLF", text: "Hello\r\n\r\n> old\r\n", own: "Hello", quoted: "> old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			own, quoted, sig := SplitOwn(tt.text)
			if own != tt.own {
				t.Errorf("own = %q, want %q", own, tt.own)
			}
			if sig != tt.sig {
				t.Errorf("signature = %q, want %q", sig, tt.sig)
			}
			switch {
			case tt.quotedHas != "":
				if !strings.Contains(quoted, tt.quotedHas) {
					t.Errorf("quoted = %q, want it to contain %q", quoted, tt.quotedHas)
				}
			case quoted != tt.quoted:
				t.Errorf("quoted = %q, want %q", quoted, tt.quoted)
			}
		})
	}
}

func TestSplitOwnLinear(t *testing.T) {
	// many short lines that look like the start of attributions
	text := strings.Repeat("On 1 Jan 2026 at\n", 20000) + strings.Repeat("From: x\n", 20000)
	own, _, _ := SplitOwn(text)
	if own == "" {
		t.Error("own is empty")
	}
}

func TestStartsAttribution(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"On Tue, Nov 3, 2026 at 9:14 AM Helen Park", true},
		{"ON MONDAY, Dr. Park wrote", true},
		{"on\tMonday", true},
		{"Le lun. 2 nov. 2026 à 10:02, Helen Park a", true},
		{"Am 03.11.2026 um 09:14 schrieb", true},
		{"В пятницу, 6 ноября, Helen Park", true},
		{"在 2026年11月3日 周二", true},
		{"Onward we go.", false},
		{"One more thing", false},
		{"On", false},
		{"", false},
		{"Thanks, on behalf of the team", false},
	} {
		if got := startsAttribution(tt.line); got != tt.want {
			t.Errorf("startsAttribution(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
