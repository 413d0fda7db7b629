import assert from "node:assert/strict";
import { FAQ_ENTRIES, type FaqEntry } from "../../src/faq/knowledge";
import { analyse, createFaq, ENGLISH, SHIPPED_ENTRIES, type FaqResult } from "../../src/faq/search";
import { GATE } from "../../src/faq/gate";
import { analyseWords, EVERYDAY_TERMS } from "../../src/faq/analyse";

const faq = createFaq();

function answerId(result: FaqResult): string {
  if (result.kind === "answer") return result.entry.id;
  return `${result.kind}${result.kind === "off-topic" ? "" : ` (closest: ${result.closest.map((e) => e.id).join(", ")})`}`;
}

/** Paraphrased questions and the entry that must answer each one. */
const PARAPHRASES: ReadonlyArray<readonly [string, string]> = [
  // Required by the brief.
  ["I'm on a temporary contract, can I still apply?", "fixed-term-contract"],
  // Everyday words and abbreviations in the synonym map (analyse.ts).
  ["can i claim mileage while seconded", "pay-and-expenses"],
  ["will my dept keep paying my earnings", "pay-and-expenses"],
  ["who does my PDR on secondment", "performance-management"],
  ["is a match guaranteed?", "guaranteed-match"],
  ["do I need my boss to agree?", "line-manager-permission"],
  ["I work 3 days a week, can I do this?", "part-time-hours"],
  ["can my secondment be made longer?", "extension"],
  ["who pays my salary?", "pay-and-expenses"],
  ["I'm disabled, what help is there?", "disability-adjustments"],
  ["what is a job swap", "secondment-types"],
  ["which organisations in Wales could I go to", "host-organisations"],
  // Programme FAQ.
  ["does my manager have to sign off on this?", "line-manager-permission"],
  ["I'm a temp, am I eligible?", "fixed-term-contract"],
  ["my fixed term contract ends in March", "fixed-term-contract"],
  ["what are the advantages for my career?", "benefits"],
  ["why should I become a secondee?", "benefits"],
  ["I work compressed hours", "part-time-hours"],
  ["can I do a secondment if I'm not full-time?", "part-time-hours"],
  ["I don't want to commit long term", "secondment-types"],
  ["can I do a short 12 week placement?", "secondment-types"],
  ["can I swap jobs with someone in another department?", "secondment-types"],
  ["I need reasonable adjustments to fill in the form", "disability-adjustments"],
  ["is there any help for people with disabilities?", "disability-adjustments"],
  ["how does matching work?", "matching-process"],
  ["how are people matched with roles?", "matching-process"],
  ["will someone tell me when I've got a match?", "match-notification"],
  ["is there an interview?", "informal-discussion"],
  ["what should I expect at the matching meeting?", "informal-discussion"],
  ["I changed my mind after the chat, can I pull out?", "not-proceeding"],
  ["what if the match isn't right?", "not-proceeding"],
  ["will I definitely get a placement?", "guaranteed-match"],
  ["will I stay in touch with my home team while I'm away?", "keeping-in-touch"],
  ["who do I report sickness to?", "keeping-in-touch"],
  ["is there a two-year limit on secondments?", "extension"],
  ["can a secondment be extended beyond two years?", "extension"],
  ["how do I sign up?", "register-interest"],
  ["where is the expression of interest form?", "register-interest"],
  ["I have a vacancy I'd like a secondee for", "offer-a-role"],
  ["who can I email with a question?", "further-questions"],
  ["how do I get in touch with the team?", "further-questions"],
  // The 7-step plan.
  ["what are the seven steps?", "seven-step-plan"],
  ["how do I organise a secondment?", "seven-step-plan"],
  ["how do I work out what I want to learn?", "choosing-skills"],
  ["how do I bring up the idea with my head of profession?", "talking-to-your-manager"],
  ["how do I approach a host organisation?", "approaching-a-host"],
  ["could I go to a think tank or a charity?", "host-organisations"],
  ["could I work for Estyn?", "host-organisations"],
  ["can I go to the Bank of England?", "host-organisations"],
  ["what goes in a business case?", "business-case"],
  ["who covers my job while I'm away?", "business-case"],
  ["what do I need to agree with the host before starting?", "arranging-details"],
  ["does the host cover travel expenses?", "pay-and-expenses"],
  ["do I get paid by my home organisation or the host?", "pay-and-expenses"],
  ["who does my appraisal while I'm seconded?", "performance-management"],
  ["what happens when my secondment finishes?", "end-of-secondment"],
  // American spellings.
  ["which organizations could I go to in Wales?", "host-organisations"],
  ["how do I enroll in the program?", "register-interest"],
];

/** Questions the knowledge base cannot answer: each must give no-match. */
const UNRELATED: readonly string[] = [
  "what's the weather in Leeds?",
  "how do I reset my laptop password",
  "asdfgh",
  "pizza recipes",
  "who won the football last night?",
  "book a meeting room for tomorrow",
  "what is the capital of France?",
  "tell me a joke",
  "when is the next bank holiday?",
  "how do I claim overtime?",
  "what time does the canteen open?",
  "how do I submit my expenses claim in SAP?",
  "can you help me with Excel?",
  "I want to buy a car",
];

describe("FAQ search", () => {
  describe("answers paraphrased questions", () => {
    for (const [question, id] of PARAPHRASES) {
      it(`"${question}" -> ${id}`, () => {
        assert.equal(answerId(faq.ask(question)), id);
      });
    }
  });

  describe("never makes up an answer to an unrelated question", () => {
    for (const question of UNRELATED) {
      it(`"${question}" -> no answer`, () => {
        const result = faq.ask(question);
        assert.notEqual(result.kind, "answer", `answered with ${answerId(result)}`);
        if (result.kind !== "answer" && result.kind !== "off-topic") assert.ok(result.closest.length <= 3);
      });
    }
  });

  it("calls empty, blank or stop-word-only questions off-topic", () => {
    for (const question of ["", "   ", "\n\t", "?!", "hello", "what is it?"]) {
      assert.deepEqual(faq.ask(question), { kind: "off-topic" }, JSON.stringify(question));
    }
  });

  it("calls gibberish off-topic", () => {
    assert.deepEqual(faq.ask("asdfgh qwerty"), { kind: "off-topic" });
  });

  it("reaches every entry by asking its own question", () => {
    for (const entry of FAQ_ENTRIES) {
      assert.equal(answerId(faq.ask(entry.question)), entry.id, entry.question);
    }
  });

  it("answers each alternate with its entry, or offers that entry first; never another answer", () => {
    let answered = 0;
    let total = 0;
    for (const entry of SHIPPED_ENTRIES) {
      for (const alternate of entry.alternates ?? []) {
        total++;
        const result = faq.ask(alternate);
        if (result.kind === "answer") {
          assert.equal(result.entry.id, entry.id, alternate);
          answered++;
        } else {
          assert.equal(result.kind, "did-you-mean", `${alternate}: ${answerId(result)}`);
          assert.equal(result.closest[0]?.id, entry.id, `${alternate}: ${answerId(result)}`);
        }
      }
    }
    assert.ok(answered >= total * 0.9, `${answered} of ${total} alternates answered outright`);
  });

  it("returns at most 2 related entries, never the answer itself", () => {
    for (const entry of FAQ_ENTRIES) {
      const result = faq.ask(entry.question);
      assert.equal(result.kind, "answer");
      if (result.kind !== "answer") continue;
      assert.ok(result.related.length <= 2);
      assert.ok(!result.related.some((r) => r.id === entry.id));
      assert.equal(new Set(result.related.map((r) => r.id)).size, result.related.length);
    }
  });

  it("finds entries by id", () => {
    assert.equal(faq.byId("extension")?.topic, "Extending a secondment");
    assert.equal(faq.byId("no-such-entry"), undefined);
    assert.equal(faq.entries, SHIPPED_ENTRIES);
  });

  it("works over a custom set of entries", () => {
    const entries: FaqEntry[] = [
      { id: "parking", topic: "Parking", question: "Where can I park?", answer: ["Use the car park."], keywords: ["car"] },
      { id: "lunch", topic: "Lunch", question: "When is lunch?", answer: ["At noon."], keywords: ["food", "canteen"] },
    ];
    const small = createFaq(entries);
    assert.equal(answerId(small.ask("is there a car park?")), "parking");
    assert.equal(answerId(small.ask("what food is in the canteen?")), "lunch");
    assert.notEqual(small.ask("quantum physics").kind, "answer");
  });

  it("analyses a list of words in one pass to the same terms as one by one (the everyday-word list at start-up)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const words: string[] = (require("stopwords-iso") as Record<string, string[]>).en!.filter((w) => /^[a-z]{4,}$/.test(w));
    // Words that phrase patterns rewrite alone or next to each other ("how long", "kit", "keep in touch").
    words.push("how", "long", "kit", "keep", "in", "touch", "part", "time", "line", "manager");
    assert.deepEqual(new Set(analyseWords(words)), new Set(words.flatMap((w) => analyse(w))));
    assert.ok(EVERYDAY_TERMS.has(analyse("rather")[0]!));
    assert.ok(!EVERYDAY_TERMS.has(analyse("computer")[0]!));
  });

  it("rejects duplicate ids in a custom set", () => {
    const e: FaqEntry = { id: "x", topic: "X", question: "X?", answer: ["X."], keywords: [] };
    assert.throws(() => createFaq([e, { ...e }]), /Duplicate FAQ entry id: x/);
  });
});

describe("questions with context, and topics outside the material", () => {
  it("does not count a place typed in lower case against the question", () => {
    assert.equal(answerId(faq.ask("im in llanelli at the dvla, would the council pay my wages or would my dept")), "pay-and-expenses");
  });

  it("keeps towns whose names are everyday words ('reading') out of the place names", () => {
    assert.ok(ENGLISH.placeNames!.has(analyse("llanelli")[0]!));
    for (const word of ["reading", "bath", "march", "deal"]) assert.ok(!ENGLISH.placeNames!.has(analyse(word)[0]!), word);
  });

  it("finds the ask in a long question full of context", () => {
    const q =
      "Bit of background: I lead a small policy team in Carmarthen and we have been short-staffed since the summer. " +
      "My deputy has mentioned the programme a few times. Could we offer one of our roles to a secondee?";
    assert.equal(answerId(faq.ask(q)), "offer-a-role");
  });

  it("declines a question that names a topic the material does not cover, though it shares words with an entry", () => {
    const r = faq.ask("do I have to have passed my probation before I register?");
    assert.equal(r.kind, "not-covered");
    assert.equal(r.kind === "not-covered" ? r.topic?.id : undefined, "not-covered-eligibility");
  });

  it("says the material gives no timescales when asked how long a step takes, but answers how long a secondment lasts", () => {
    const r = faq.ask("how long does the informal discussion stage normally take?");
    assert.equal(r.kind === "not-covered" ? r.topic?.id : r.kind, "not-covered-timescales");
    assert.equal(answerId(faq.ask("how long does a secondment last?")), "secondment-types");
    // How long a secondment usually lasts is about the types of secondment, not agreeing the details.
    assert.equal(answerId(faq.ask("typically how many months is a secondment")), "secondment-types");
    // How long the programme keeps someone's details is a timescale the material does not give.
    const kept = faq.ask("how long will my details stay on the database");
    assert.equal(kept.kind === "not-covered" ? kept.topic?.id : kept.kind, "not-covered-timescales");
    const notice = faq.ask("how much notice does my home department need to release me");
    assert.equal(notice.kind === "not-covered" ? notice.topic?.id : notice.kind, "not-covered-timescales");
  });

  it("says the material does not cover whether people from the private sector may take part, but answers going to a private company", () => {
    const r = faq.ask("can staff from private companies take part in the programme");
    assert.equal(r.kind === "not-covered" ? r.topic?.id : r.kind, "not-covered-eligibility");
    assert.equal(answerId(faq.ask("can i be seconded to a private company")), "host-organisations");
  });

  it("says the material does not cover time in post before applying or grades, but still answers how long a secondment lasts", () => {
    const inPost = faq.ask("how long do i need to have been in my job before i can apply");
    assert.equal(inPost.kind === "not-covered" ? inPost.topic?.id : inPost.kind, "not-covered-eligibility");
    const grade = faq.ask("which grades are the roles");
    assert.equal(grade.kind === "not-covered" ? grade.topic?.id : grade.kind, "not-covered-eligibility");
    assert.equal(answerId(faq.ask("how long does a secondment last")), "secondment-types");
  });

  it("declines claims for everyday work events, steps a day and building passes, but answers the programme's own", () => {
    assert.equal(faq.ask("can i claim mileage for the training day next week").kind, "off-topic");
    assert.equal(faq.ask("how many steps should i be doing each day").kind, "off-topic");
    assert.equal(faq.ask("where do i get a staff pass for the building").kind, "off-topic");
    assert.equal(answerId(faq.ask("can i claim mileage from the host when im on secondment")), "pay-and-expenses");
    assert.equal(answerId(faq.ask("what are the 7 steps")), "seven-step-plan");
  });

  it("reads everyday wordings by what they ask: a manager against it, doing OK at the host, a team needing someone, a longer placement, the whole process", () => {
    assert.equal(answerId(faq.ask("my boss is against the idea, can i still go ahead and apply")), "line-manager-permission");
    assert.equal(answerId(faq.ask("how will i know if im getting on ok at the host")), "performance-management");
    assert.equal(answerId(faq.ask("our unit needs an extra person for a few months, could we get someone through this scheme")), "offer-a-role");
    assert.equal(answerId(faq.ask("can i do a longer placement to see a big project through")), "secondment-types");
    assert.equal(answerId(faq.ask("what is the whole process from start to finish")), "seven-step-plan");
    // The same words in everyday questions are still declined.
    assert.notEqual(faq.ask("my manager is reluctant to sign my leave").kind, "answer");
    assert.notEqual(faq.ask("how do i know if im doing well in my job").kind, "answer");
  });

  it("reads more everyday wordings by what they ask (a manager's OK, hours a week, after the form, 'the end of the road', meeting before the host agrees)", () => {
    assert.equal(answerId(faq.ask("do i need my bosses ok before i put in for it")), "line-manager-permission");
    assert.equal(answerId(faq.ask("i do 30 hours per week, can i take part")), "part-time-hours");
    assert.equal(answerId(faq.ask("when i have sent the form what happens then")), "matching-process");
    assert.equal(answerId(faq.ask("how do i get started with my application")), "register-interest");
    assert.equal(answerId(faq.ask("if my department says no is that the end of the road")), "line-manager-permission");
    assert.equal(answerId(faq.ask("would the host organisation see me first before taking me on")), "approaching-a-host");
  });

  it("takes where an acquaintance works as context: knowing someone at a named body is about approaching them", () => {
    assert.equal(answerId(faq.ask("i know someone at the arts council, can i just text them about it")), "approaching-a-host");
    assert.equal(answerId(faq.ask("can i go to the arts council on secondment")), "host-organisations");
  });

  it("reads 'what sort of', a team lead, an old or usual team, a person rather than a bot, and being paid by the civil service", () => {
    assert.equal(answerId(faq.ask("what sort of placements are on offer")), "secondment-types");
    assert.equal(answerId(faq.ask("does my team lead need to sign it off")), "line-manager-permission");
    assert.equal(answerId(faq.ask("will i keep hearing from my usual team while im seconded")), "keeping-in-touch");
    assert.equal(answerId(faq.ask("is there a human i can speak to instead of a bot")), "further-questions");
    assert.equal(answerId(faq.ask("will i still get paid by the civil service if i go to a council in perth")), "pay-and-expenses");
    // Someone else off sick is not reporting your own absence; the Civil Service Jobs website is not an employer.
    assert.equal(faq.ask("my team leader is off sick today").kind, "off-topic");
    assert.notEqual(faq.ask("will my secondment show up on my civil service jobs profile").kind, "answer");
  });

  it("reads whether a secondment is a good reason or makes sense (choosing skills), the host being pleased with the work, writing it up afterwards and accessible formats", () => {
    assert.equal(answerId(faq.ask("i want experience of working with data, is that a good reason to do a secondment")), "choosing-skills");
    assert.equal(answerId(faq.ask("how can i tell if my host is pleased with my performance")), "performance-management");
    assert.equal(answerId(faq.ask("do i need to write it up when im back")), "end-of-secondment");
    assert.equal(answerId(faq.ask("can i get the form in braille")), "disability-adjustments");
  });

  it("tells a few days a week with the host and the rest in the usual job (the part-time kind) from working part time, and reads checking in, nerves and a link to the form", () => {
    assert.equal(answerId(faq.ask("could i spend 3 days a week with the host and the rest of the week in my usual job")), "secondment-types");
    assert.equal(answerId(faq.ask("i work 3 days a week and need a rest, can i apply")), "part-time-hours");
    assert.equal(answerId(faq.ask("as a line manager should i be checking in with my secondee")), "keeping-in-touch");
    assert.equal(answerId(faq.ask("im nervous about asking my boss, any advice")), "talking-to-your-manager");
    assert.equal(answerId(faq.ask("is there a link to the form")), "register-interest");
  });

  it("reads where to do one, not wanting to leave for long, whether there is a formal interview, and where a secondment is as context", () => {
    assert.equal(answerId(faq.ask("where could i do a placement")), "host-organisations");
    assert.equal(answerId(faq.ask("i dont want to leave my team for long, is there a shorter option")), "secondment-types");
    assert.equal(answerId(faq.ask("is there a formal interview or do you just match people")), "matching-process");
    // An interview with the host is the informal discussion.
    assert.equal(answerId(faq.ask("is there an interview with the host")), "informal-discussion");
    assert.equal(answerId(faq.ask("my placement at the arts council finishes soon, what now")), "end-of-secondment");
  });

  it("reads someone wanting a business case, whose call it is, and experience that cannot be had in one's own team", () => {
    assert.equal(answerId(faq.ask("my boss has asked for a business case, what goes in it")), "business-case");
    assert.equal(answerId(faq.ask("one of my team wants to apply, is it my decision")), "line-manager-permission");
    assert.equal(answerId(faq.ask("i want more experience with data that i cant get in my team, is a secondment a good way")), "choosing-skills");
    assert.equal(faq.ask("is it my call which desk i sit at").kind, "off-topic");
  });

  it("declines hosting an event, a job interview elsewhere and the asker's own HR contact, but answers hosting a secondee", () => {
    assert.equal(faq.ask("how do i host a teams meeting").kind, "off-topic");
    assert.equal(faq.ask("how do i prepare for a job interview at another department").kind, "off-topic");
    assert.equal(faq.ask("who is my hr contact").kind, "off-topic");
    assert.equal(answerId(faq.ask("how do i host a secondee")), "offer-a-role");
  });

  it("declines an ID card, a team away day, how long someone has worked somewhere and coming back from lunch; leave on secondment is not covered", () => {
    assert.equal(faq.ask("where do i get a new id card").kind, "off-topic");
    assert.equal(faq.ask("can you help plan our team away day").kind, "off-topic");
    assert.equal(faq.ask("how long have you been working here").kind, "off-topic");
    assert.equal(faq.ask("when i come back from lunch can we meet").kind, "off-topic");
    const leave = faq.ask("can my boss refuse my leave on secondment");
    assert.equal(leave.kind === "not-covered" ? leave.topic?.id : leave.kind, "not-covered-holiday");
    assert.equal(answerId(faq.ask("what happens when i come back from my secondment")), "end-of-secondment");
  });

  it("declines extending everyday things, an extension number, an out-of-office reply and interest rates, but answers extending a secondment", () => {
    assert.equal(faq.ask("can i renew my library membership").kind, "off-topic");
    assert.equal(faq.ask("how do i extend the deadline on my report").kind, "off-topic");
    assert.equal(faq.ask("is there an extension number for hr").kind, "off-topic");
    assert.equal(faq.ask("who turns on my out of office").kind, "off-topic");
    assert.equal(faq.ask("what is the interest rate at the bank of england").kind, "off-topic");
    assert.equal(answerId(faq.ask("can i extend my secondment")), "extension");
  });

  it("declines swapping or covering a shift and clock-time questions, but answers a job swap", () => {
    assert.equal(faq.ask("can someone cover my shift on friday").kind, "off-topic");
    assert.equal(faq.ask("what time does the post room open").kind, "off-topic");
    assert.equal(answerId(faq.ask("can i swap jobs with someone at a council")), "secondment-types");
  });

  it("says the material does not cover moving to the host for good, without taking a permanent contract for one", () => {
    const r = faq.ask("could i stay on at the host permanently after my secondment");
    assert.equal(r.kind === "not-covered" ? r.topic?.id : r.kind, "not-covered-permanent-move");
    assert.ok(!analyse("I'm on a permanent contract at the council").includes(analyse("permanentmove")[0]!));
  });

  it("says the material does not cover costs other than salary and travel for work, but answers who pays the salary", () => {
    const r = faq.ask("will the host pay for my accommodation if i move nearer");
    assert.equal(r.kind === "not-covered" ? r.topic?.id : r.kind, "not-covered-other-costs");
    assert.equal(answerId(faq.ask("who pays my salary while im on secondment")), "pay-and-expenses");
  });

  it("recognises topic families the material does not cover in everyday words (carrying over leave, a second job, a DBS check)", () => {
    const topic = (q: string) => {
      const r = faq.ask(q);
      return r.kind === "not-covered" ? r.topic?.id : r.kind;
    };
    assert.equal(topic("could I carry forward unused holiday into the secondment year?"), "not-covered-holiday");
    assert.equal(topic("am I allowed a side job in the evenings during a secondment"), "not-covered-terms");
    assert.equal(topic("will the host want a criminal records check before I start?"), "not-covered-vetting");
    // Working hours and time off go with leave: a question for HR, not "outside what I know".
    assert.equal(topic("do i keep my flexi balance"), "not-covered-holiday");
    assert.equal(topic("do I get time off in lieu for travel"), "not-covered-holiday");
  });

  it("does not answer a question that shares one programme word with an entry but is about something else", () => {
    for (const q of [
      "is there a part time cleaner job at asda",
      "how do i find a gp in cardiff",
      "can the nhs fix my knee quicker",
      "how do i get permission to park in the staff car park",
      "when does the next train to bristol leave",
    ]) {
      assert.equal(faq.ask(q).kind, "off-topic", q);
    }
    for (const q of ["will the host give me a laptop", "can i claim overtime while seconded", "is there a dress code at the host"]) {
      assert.equal(faq.ask(q).kind, "not-covered", q);
    }
  });

  it("says a question is not covered when it names such a topic, even if one of its clauses alone would be answered", () => {
    for (const q of ["a higher grade role is being advertised at base while im away on secondment, am i able to apply for it", "while on secondment, if a higher grade vacancy is advertised in my department, can i apply"]) {
      const r = faq.ask(q);
      assert.equal(r.kind === "not-covered" ? r.topic?.id : r.kind, "not-covered-promotion", q);
    }
  });

  it("declines everyday workplace questions that share a word with an entry", () => {
    for (const q of ["my laptop will not start after the update", "where do I find my payslip for this month?"]) {
      assert.notEqual(faq.ask(q).kind, "answer", q);
    }
  });
});

describe("text analysis", () => {
  it("stems, removes stop words and maps synonyms to one concept", () => {
    assert.deepEqual(analyse("Who pays my salary?"), ["pay", "pay"]);
    assert.deepEqual(analyse("my boss"), analyse("my supervisor"));
    assert.deepEqual(analyse("a temporary contract"), analyse("a fixed-term contract"));
    assert.deepEqual(analyse("I'm disabled"), analyse("disability"));
    assert.deepEqual(analyse("job swap"), analyse("exchange"));
    assert.deepEqual(analyse("extend"), analyse("extension"));
    assert.deepEqual(analyse("the and of to is"), []);
  });

  it("keeps dates out of the terms, and does not 'correct' a month into a knowledge-base word", () => {
    assert.deepEqual(analyse("my contract ends in March"), analyse("my contract ends"));
    assert.ok(!faq.signals("my contract ends in March").terms.includes("match"));
  });

  it("names concepts people describe in everyday words", () => {
    assert.deepEqual(analyse("will I still hear from my own department"), analyse("will I still keep in touch with my home organisation"));
    assert.deepEqual(analyse("does the big boss need to approve it"), analyse("does the boss need to approve it"));
    assert.deepEqual(analyse("so after I fill the form in"), analyse("send form"));
    assert.deepEqual(analyse("sell it to me"), analyse("benefits"));
    assert.deepEqual(analyse("am I allowed to apply?"), analyse("eligible to apply"));
    assert.ok(analyse("do I need my manager's permission to apply").includes(analyse("permission")[0]!));
    assert.deepEqual(analyse("sell it to my manager"), analyse("convince my manager"));
    assert.deepEqual(analyse("the process from EOI to starting"), analyse("the process send form start"));
    assert.deepEqual(analyse("how long is it"), analyse("duration"));
    assert.deepEqual(analyse("the length"), analyse("duration"));
    assert.deepEqual(analyse("terms and conditions"), analyse("T&Cs"));
    assert.notDeepEqual(analyse("length of service"), analyse("duration"));
    assert.deepEqual(analyse("a Zoom call"), analyse("a meeting"));
    assert.deepEqual(analyse("my end of year review"), analyse("my annual appraisal"));
    assert.deepEqual(analyse("HMRC"), analyse("organisation"));
    // How long a step takes is a timescale; how long a secondment lasts is its duration.
    assert.deepEqual(analyse("how long does the vetting take"), analyse("the timescale for vetting"));
    assert.deepEqual(analyse("the closing date"), analyse("the deadline"));
    assert.ok(analyse("how long does a secondment take").includes("duration"));
    assert.ok(analyse("how long will it take").includes("duration"));
    assert.deepEqual(analyse("how do I get hold of them"), analyse("how do I contact them"));
    assert.deepEqual(analyse("is a secondment off the table"), analyse("is a secondment eligible"));
    assert.deepEqual(analyse("a sift"), analyse("shortlisting"));
    assert.ok(analyse("am I bound to be matched").includes("guarantee"));
    assert.ok(analyse("how would I get onto the scheme").includes("apply"));
    // Where the asker works is context; which organisations take secondees is a topic.
    assert.deepEqual(analyse("we're an NHS trust and want to host someone"), analyse("we want to host someone"));
    assert.ok(analyse("can I go to an NHS trust").includes("nhs"));
    // "The/our trust" is a particular employer, not the NHS as a host.
    assert.ok(!analyse("can our NHS trust offer a placement").includes("nhs"));
    assert.deepEqual(analyse("KIT days"), analyse("keeping in touch"));
    assert.deepEqual(analyse("do I have to ask my boss"), analyse("permission manager"));
    assert.deepEqual(analyse("how do I get my manager on board"), analyse("convince manager"));
    assert.ok(analyse("can I do a part time secondment").includes("type"));
    assert.ok(!analyse("I work part time").includes("type"));
    assert.deepEqual(analyse("submit my form"), analyse("send my form"));
  });

  it("weighs an everyday word the knowledge base never uses lightly, and an unusual one heavily, in the answer gate", () => {
    const weightOf = (q: string, term: string) => faq.signals(q).salient?.find((t) => t.term === term)?.weight;
    assert.equal(weightOf("rather a long one", "rather"), GATE.contextWeight);
    assert.equal(weightOf("find a dentist", "dentist"), GATE.unknownWeight);
    // The list's things and topics are not everyday words here ("namely" does not make "name" one).
    assert.equal(weightOf("can I book a meeting room", "room"), GATE.unknownWeight);
    assert.equal(weightOf("can I change my name on Teams", "name"), GATE.unknownWeight);
  });

  it("puts right two swapped letters as one slip", () => {
    assert.ok(faq.signals("the lenght of it").terms.includes("duration"));
  });

  it("does not correct a context or everyday word to a knowledge-base word ('kids' is not 'kind')", () => {
    assert.ok(faq.signals("i work school hours because of the kids, can i still apply").terms.includes(analyse("kids")[0]!));
    assert.equal(answerId(faq.ask("i work school hours because of the kids, can i still apply")), "part-time-hours");
    assert.ok(faq.signals("whats the typical lenght of a secondment").terms.includes("duration"));
  });

  it("leaves a common real word alone ('passport' is not 'password'), but still puts right a rarer one typed for a programme word ('manger')", () => {
    for (const [question, word, wrong] of [
      ["how do i renew my passport", "passport", "password"],
      ["is there a charge for parking", "charge", "change"],
      ["when is the office christmas party", "party", "part"],
    ] as const) {
      const terms = faq.signals(question).terms;
      assert.ok(terms.includes(analyse(word)[0]!), `${question}: ${terms.join(" ")}`);
      assert.ok(!terms.includes(analyse(wrong)[0]!), `${question}: ${terms.join(" ")}`);
    }
    assert.equal(answerId(faq.ask("do i need permision from my line manger")), "line-manager-permission");
  });

  it("treats British and American spellings alike", () => {
    assert.deepEqual(analyse("organization"), analyse("organisation"));
    assert.deepEqual(analyse("program"), analyse("programme"));
    assert.deepEqual(analyse("enroll"), analyse("enrol"));
  });
});

describe("FAQ knowledge base", () => {
  it("has unique, kebab-case ids", () => {
    const ids = FAQ_ENTRIES.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has about 25 entries", () => {
    assert.ok(FAQ_ENTRIES.length >= 22 && FAQ_ENTRIES.length <= 30, String(FAQ_ENTRIES.length));
  });

  it("has a topic, question, keywords and answer paragraphs under 600 characters", () => {
    for (const e of FAQ_ENTRIES) {
      assert.ok(e.topic.trim().length > 0, `${e.id}: topic`);
      assert.ok(e.question.trim().length > 0, `${e.id}: question`);
      assert.ok(e.keywords.length > 0, `${e.id}: keywords`);
      assert.ok(e.answer.length > 0, `${e.id}: answer`);
      for (const p of e.answer) {
        assert.ok(p.trim().length > 0, `${e.id}: empty paragraph`);
        assert.ok(p.length < 600, `${e.id}: paragraph of ${p.length} characters`);
      }
    }
  });

  it("covers every question in the programme FAQ", () => {
    for (const id of [
      "line-manager-permission",
      "fixed-term-contract",
      "benefits",
      "part-time-hours",
      "secondment-types",
      "disability-adjustments",
      "matching-process",
      "match-notification",
      "informal-discussion",
      "not-proceeding",
      "guaranteed-match",
      "keeping-in-touch",
      "extension",
      "register-interest",
      "offer-a-role",
      "further-questions",
      "seven-step-plan",
      "business-case",
      "pay-and-expenses",
      "host-organisations",
      "performance-management",
      "end-of-secondment",
    ]) {
      assert.ok(FAQ_ENTRIES.some((e) => e.id === id), id);
    }
  });

  it("gives both contact emails for adjustments, and the programme email for questions", () => {
    const text = (id: string) => FAQ_ENTRIES.find((e) => e.id === id)?.answer.join("\n") ?? "";
    assert.match(text("disability-adjustments"), /secondmentexpertise@cabinetoffice\.gov\.uk/);
    assert.match(text("disability-adjustments"), /secondments@local\.gov\.uk/);
    assert.match(text("further-questions"), /secondmentexpertise@cabinetoffice\.gov\.uk/);
  });

  it("keeps the key facts", () => {
    const text = (id: string) => FAQ_ENTRIES.find((e) => e.id === id)?.answer.join("\n") ?? "";
    assert.match(text("guaranteed-match"), /^No\./);
    assert.match(text("extension"), /two years/);
    assert.match(text("secondment-types"), /12 weeks/);
    assert.match(text("secondment-types"), /job swap/i);
    assert.match(text("pay-and-expenses"), /host organisation pays your salary/);
    for (const org of ["Estyn", "Arts Council", "NHS Wales Informatics Service", "Sport Wales", "Public Health Wales"]) {
      assert.ok(text("host-organisations").includes(org), org);
    }
  });
});
