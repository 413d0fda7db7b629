/**
 * Questions about secondments that the programme's material does not answer. The bot recognises
 * them so it can say so honestly and point to who can answer, rather than guess or call them
 * off-topic. Nothing here is a programme fact: each only names who to ask.
 */
export interface NotCoveredTopic {
  id: string;
  /** What the material does not cover, to fill "The programme material does not cover ...". */
  subject: string;
  /** Who can answer, in one plain sentence. */
  whoToAsk: string;
  /** Ways people ask about it (the classifier learns these). */
  alternates: readonly string[];
}

export const NOT_COVERED: readonly NotCoveredTopic[] = [
  {
    id: "not-covered-pension",
    subject: "pensions",
    whoToAsk: "Your HR team can tell you how a secondment affects your pension.",
    alternates: [
      "What happens to my pension on secondment?",
      "Will I keep paying into my pension scheme?",
      "Does a secondment affect my retirement benefits?",
    ],
  },
  {
    id: "not-covered-holiday",
    subject: "annual leave",
    whoToAsk: "Your HR team or your line manager can tell you how your annual leave works while you are away.",
    alternates: [
      "How much annual leave do I get on secondment?",
      "Do I keep my holiday entitlement?",
      "Who approves my holidays while I'm seconded?",
    ],
  },
  {
    id: "not-covered-old-job",
    subject: "what happens to your old job when you return",
    whoToAsk: "Your line manager or HR team can tell you what your home organisation's rules say.",
    alternates: [
      "Will my old job still be there when I come back?",
      "Do I get my original role back after the secondment?",
      "Is my post kept open while I'm away?",
    ],
  },
  {
    id: "not-covered-vetting",
    subject: "security vetting",
    whoToAsk: "Your host organisation or its HR team can tell you what checks the role needs and how long they take.",
    alternates: [
      "How long does security vetting take?",
      "Do I need security clearance for a secondment?",
      "Will I have to be vetted again?",
    ],
  },
  {
    id: "not-covered-promotion",
    subject: "promotion or a change of grade while you are on secondment",
    whoToAsk: "Your HR team can tell you how your organisation handles this.",
    alternates: [
      "Can I get promoted while I'm on secondment?",
      "Will a secondment count as a temporary promotion?",
      "Can I be seconded at a higher grade?",
    ],
  },
  {
    id: "not-covered-relocation",
    subject: "relocation or moving house",
    whoToAsk: "Your HR team and the host organisation's HR team can tell you what help there is.",
    alternates: [
      "Will I get relocation costs if I move for a secondment?",
      "Do I have to move house to take a secondment?",
      "Is there help with moving to another city?",
    ],
  },
  {
    id: "not-covered-family-leave",
    subject: "maternity, paternity or other family leave",
    whoToAsk: "Your HR team can tell you how family leave works during a secondment.",
    alternates: [
      "What happens if I go on maternity leave during my secondment?",
      "Can I take paternity leave while seconded?",
      "Does parental leave pause the secondment?",
    ],
  },
  {
    id: "not-covered-location",
    subject: "where you work, such as working from home or in an office",
    whoToAsk: "Agree this with the host organisation. Your line manager can help.",
    alternates: [
      "Can I work from home while on secondment?",
      "Will I have to go into the host's office every day?",
      "Where will I be based during the secondment?",
    ],
  },
];
