/**
 * Questions about secondments that the programme's material does not answer. The bot recognises
 * them so it can say so honestly and point to who can answer, rather than guess or call them
 * off-topic. What the bot says for each is in the faq catalogue (src/i18n/locales/<lang>/faq.json):
 * `faq.notCovered.<id without "not-covered-">.what` and `.who`. Nothing there is a programme
 * fact: each only names who to ask.
 */
export interface NotCoveredTopic {
  id: string;
  /** Ways people ask about it (the classifier learns these). */
  alternates: readonly string[];
  /**
   * Words and phrases that name the topic ("relocation", "probation"). When a question uses one that
   * no knowledge entry uses, an entry's answer would ignore what was asked, so the bot says the
   * material does not cover it (search.ts, Signals.uncovered). Everyday words ("day", "house") do
   * not belong here.
   */
  marks?: readonly string[];
}

export const NOT_COVERED: readonly NotCoveredTopic[] = [
  {
    id: "not-covered-pension",
    marks: ["pension", "pensions", "retirement"],
    alternates: [
      "What happens to my pension on secondment?",
      "Will I keep paying into my pension scheme?",
      "Does a secondment affect my retirement benefits?",
    ],
  },
  {
    id: "not-covered-holiday",
    marks: ["annual leave", "holiday", "holidays", "leave entitlement", "bank holiday", "flexi", "flexitime", "time off in lieu"],
    alternates: [
      "How much annual leave do I get on secondment?",
      "Do I keep my holiday entitlement?",
      "Who approves my holidays while I'm seconded?",
    ],
  },
  {
    id: "not-covered-old-job",
    marks: ["old job", "original role"],
    alternates: [
      "Will my old job still be there when I come back?",
      "Do I get my original role back after the secondment?",
      "Is my post kept open while I'm away?",
    ],
  },
  {
    id: "not-covered-vetting",
    marks: ["security vetting", "vetted", "clearance"],
    alternates: [
      "How long does security vetting take?",
      "Do I need security clearance for a secondment?",
      "Will I have to be vetted again?",
    ],
  },
  {
    id: "not-covered-promotion",
    marks: ["promotion", "promoted", "higher grade", "pay rise"],
    alternates: [
      "Can I get promoted while I'm on secondment?",
      "Will a secondment count as a temporary promotion?",
      "Can I be seconded at a higher grade?",
    ],
  },
  {
    id: "not-covered-relocation",
    marks: ["relocation", "relocate", "move house", "moving house", "removal costs"],
    alternates: [
      "Will I get relocation costs if I move for a secondment?",
      "Do I have to move house to take a secondment?",
      "Is there help with moving to another city?",
    ],
  },
  {
    id: "not-covered-family-leave",
    marks: ["maternity leave", "paternity leave", "parental leave", "adoption leave"],
    alternates: [
      "What happens if I go on maternity leave during my secondment?",
      "Can I take paternity leave while seconded?",
      "Does parental leave pause the secondment?",
    ],
  },
  {
    id: "not-covered-terms",
    marks: ["terms and conditions", "tax", "national insurance", "trade union", "union", "contract of employment", "sick pay", "second job"],
    alternates: [
      "Will my terms and conditions change on secondment?",
      "Do I keep my contractual sick leave while seconded?",
      "Will my tax or national insurance change?",
      "Can I stay in my trade union during a secondment?",
      "Does my employment contract change while I'm seconded?",
    ],
  },
  {
    id: "not-covered-eligibility",
    marks: ["probation", "probationary", "new starter", "new starters", "apprentice", "apprentices", "length of service", "staff in the private sector", "grade", "grades", "minimum grade"],
    alternates: [
      "Do I have to pass my probation before I can be seconded?",
      "Is there a grade requirement for secondees?",
      "Can new starters take part?",
      "I only joined last year, do I qualify?",
      "Are apprentices eligible?",
      "Do I need a certain amount of service?",
    ],
  },
  {
    id: "not-covered-ending-early",
    marks: ["end early", "finish early", "leave early", "back early", "stop early", "cut short", "quit", "notice period", "terminate", "termination"],
    alternates: [
      "Can a secondment be cut short?",
      "Can I quit the placement halfway through?",
      "What if the host no longer needs me partway through?",
      "How much notice do I give to leave a secondment early?",
    ],
  },
  {
    id: "not-covered-figures",
    marks: ["headcount", "figures", "stats"],
    alternates: [
      "How many secondees are there at the moment?",
      "What is the success rate for applicants?",
      "Are there any figures on how the programme is going?",
    ],
  },
  {
    id: "not-covered-timescales",
    marks: ["timescale", "timeline", "deadline", "closing date"],
    alternates: [
      "How many weeks does each step take?",
      "Is there a deadline?",
      "What are the timescales?",
    ],
  },
  {
    id: "not-covered-permanent-move",
    marks: ["permanentmove"],
    alternates: [
      "Can I move to the host organisation permanently?",
      "Could the host give me a permanent post with them?",
      "Can I transfer to the host for good?",
    ],
  },
  {
    id: "not-covered-other-costs",
    marks: ["othercost"],
    alternates: [
      "Will anyone pay for my childcare while I'm seconded?",
      "Can I get help with accommodation near the host?",
      "Who covers the extra cost of a longer commute?",
    ],
  },
  {
    id: "not-covered-location",
    marks: ["work from home", "working from home", "hybrid", "office days"],
    alternates: [
      "Can I work from home while on secondment?",
      "Will I have to go into the host's office every day?",
      "Where will I be based during the secondment?",
    ],
  },
];
