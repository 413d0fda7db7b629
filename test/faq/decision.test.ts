import assert from "node:assert/strict";
import { commandFor } from "../../bot/router";
import { VERBS } from "../../cards";
import { explainedShare, GATE, passesGate } from "../../src/faq/gate";
import { applyChanges } from "../../src/faq/knowledge-base";
import { createWelshFaq, WELSH_ENTRIES } from "../../src/faq/knowledge-cy";
import { NOT_COVERED } from "../../src/faq/not-covered";
import { scrubPersonalData } from "../../src/faq/scrub";
import { clauses, createFaq, decide, isAsk, SHIPPED_ENTRIES, THRESHOLDS, withClauses, type Signals } from "../../src/faq/search";
import type { KbChange } from "../../src/store/knowledge";
import { IN_DOMAIN, NOT_COVERED_SET, OFF_TOPIC } from "./eval-set";

const faq = createFaq();

function signals(over: Partial<Signals> = {}): Signals {
  return {
    terms: ["pay", "secondment"],
    ranked: [
      { id: "pay-and-expenses", isEntry: true, classifier: 0.9, score: 1.9 },
      { id: "extension", isEntry: true, classifier: 0.1, score: 0.4 },
      { id: "benefits", isEntry: true, classifier: 0.05, score: 0.3 },
    ],
    coverage: 1,
    known: 1,
    singleWeight: 0,
    telling: true,
    inDomain: true,
    ...over,
  };
}

describe("the answer decision", () => {
  it("answers when the best entry is clear of the rest and covers the question", () => {
    assert.deepEqual(decide(signals()), { kind: "answer", id: "pay-and-expenses", related: [], confidence: 1.9 });
  });

  it("asks 'did you mean' with up to 3 closest topics when the margin is too small", () => {
    const close = signals({
      ranked: [
        { id: "pay-and-expenses", isEntry: true, classifier: 0.5, score: 1.2 },
        { id: "extension", isEntry: true, classifier: 0.4, score: 1.1 },
        { id: "benefits", isEntry: true, classifier: 0.3, score: 0.9 },
        { id: "business-case", isEntry: true, classifier: 0.3, score: 0.8 },
      ],
    });
    assert.deepEqual(decide(close), { kind: "did-you-mean", closest: ["pay-and-expenses", "extension", "benefits"] });
  });

  it("does not answer when too little of the question is covered", () => {
    assert.equal(decide(signals({ coverage: THRESHOLDS.answerCoverage - 0.01 })).kind, "did-you-mean");
    assert.equal(decide(signals({ known: THRESHOLDS.answerKnown - 0.01 })).kind, "did-you-mean");
  });

  it("says 'not covered', with the topic, when a topic the material does not cover wins", () => {
    const pension = signals({ ranked: [{ id: "not-covered-pension", isEntry: false, classifier: 0.9, score: 1.0 }, ...signals().ranked.slice(1)] });
    assert.deepEqual(decide(pension), { kind: "not-covered", topic: "not-covered-pension", closest: [] });
  });

  it("says 'not covered' when the classifier is surer of such a topic than of the entry that outscores it on shared words", () => {
    const sickPay = signals({
      ranked: [
        { id: "keeping-in-touch", isEntry: true, classifier: 0.33, score: 1.33 },
        { id: "not-covered-terms", isEntry: false, classifier: 0.99, score: 0.99 },
      ],
    });
    assert.deepEqual(decide(sickPay), { kind: "not-covered", topic: "not-covered-terms", closest: [] });
    // Not when the classifier is as sure of the entry: then the entry answers.
    const pay = signals({
      ranked: [
        { id: "pay-and-expenses", isEntry: true, classifier: 0.8, score: 1.8 },
        { id: "not-covered-terms", isEntry: false, classifier: 0.6, score: 0.6 },
      ],
    });
    assert.equal(decide(pay).kind, "answer");
  });

  it("says 'off-topic' for the off-topic label, or 'not covered' if the question names secondments", () => {
    const off = signals({ ranked: [{ id: "off-topic", isEntry: false, classifier: 0.9, score: 0.9 }] });
    assert.deepEqual(decide({ ...off, inDomain: false }), { kind: "off-topic" });
    assert.deepEqual(decide(off), { kind: "not-covered", closest: [] });
  });

  it("declines when the None intent is about as sure as the classifier is of the best entry, though that entry outscores it on shared words", () => {
    const letter = signals({
      terms: ["write", "cover", "letter"],
      ranked: [
        { id: "business-case", isEntry: true, classifier: 0.8, score: 1.8 },
        { id: "off-topic", isEntry: false, classifier: 1.0, score: 1.0 },
      ],
      coverage: 0.6,
      inDomain: false,
    });
    assert.deepEqual(decide(letter), { kind: "off-topic" });
    assert.deepEqual(decide({ ...letter, inDomain: true }), { kind: "not-covered", closest: [] });
    // Every word of the question is the entry's own ("where can I get more help?"): no chance words.
    assert.notEqual(decide({ ...letter, coverage: 1 }).kind, "off-topic");
    // A None intent that is unsure, or much less sure than of the entry, changes nothing.
    const unsure = { id: "off-topic", isEntry: false, classifier: THRESHOLDS.offTopicClassifier - 0.01, score: 0.49 };
    assert.equal(decide(signals({ ranked: [...signals().ranked, unsure] })).kind, "answer");
    const lessSure = { id: "off-topic", isEntry: false, classifier: 0.7, score: 0.7 };
    assert.equal(decide(signals({ ranked: [...signals().ranked, lessSure] })).kind, "answer");
  });

  it("offers 'did you mean' only when most of the question is in the knowledge base's words", () => {
    const oneWord = signals({
      terms: ["time", "canteen", "close"],
      ranked: [
        { id: "secondment-types", isEntry: true, classifier: 0.3, score: 0.9 },
        { id: "end-of-secondment", isEntry: true, classifier: 0.2, score: 0.8 },
      ],
      coverage: 0.3,
      inDomain: false,
    });
    assert.deepEqual(decide({ ...oneWord, known: THRESHOLDS.didYouMeanKnown - 0.01 }), { kind: "off-topic" });
    assert.equal(decide({ ...oneWord, known: THRESHOLDS.didYouMeanKnown }).kind, "did-you-mean");
    // A sure classifier may offer topics with fewer known words, but not below didYouMeanKnownSure.
    const sure = { ...oneWord, ranked: [{ id: "secondment-types", isEntry: true, classifier: THRESHOLDS.longClassifier, score: 1.2 }] };
    assert.equal(decide({ ...sure, known: THRESHOLDS.didYouMeanKnownSure }).kind, "did-you-mean");
    assert.deepEqual(decide({ ...sure, known: THRESHOLDS.didYouMeanKnownSure - 0.01 }), { kind: "off-topic" });
  });

  it("answers with less of the question covered when both rankers put the entry first, the classifier is sure and far ahead", () => {
    const agreed = signals({
      terms: ["pay", "council", "month"],
      ranked: [
        { id: "pay-and-expenses", isEntry: true, classifier: THRESHOLDS.agreeClassifier, score: THRESHOLDS.agreeClassifier + 1 },
        { id: "extension", isEntry: true, classifier: 0.05, score: 0.2 },
      ],
      coverage: THRESHOLDS.agreeCoverage,
      known: THRESHOLDS.agreeKnown,
    });
    assert.equal(decide(agreed).kind, "answer");
    // Not when BM25 prefers another entry, the classifier is unsure, or the question is too short.
    const bm25Second = { ...agreed, ranked: [{ ...agreed.ranked[0]!, score: agreed.ranked[0]!.score - 0.2 }, agreed.ranked[1]!] };
    assert.notEqual(decide(bm25Second).kind, "answer");
    const unsure = { ...agreed, ranked: [{ ...agreed.ranked[0]!, classifier: THRESHOLDS.agreeClassifier - 0.01, score: THRESHOLDS.agreeClassifier + 0.99 }, agreed.ranked[1]!] };
    assert.notEqual(decide(unsure).kind, "answer");
    assert.notEqual(decide({ ...agreed, terms: ["pay", "council"] }).kind, "answer");
    assert.notEqual(decide({ ...agreed, coverage: THRESHOLDS.agreeCoverage - 0.01 }).kind, "answer");
  });

  it("answers from a sure classifier with little of the question covered only when the question names secondments, shares several terms with the entry or is almost all in the knowledge base's words", () => {
    const everyday = signals({
      terms: ["exchange", "shift", "colleagu", "ward", "next", "week"],
      ranked: [
        { id: "secondment-types", isEntry: true, classifier: 1.5, score: 2.5 },
        { id: "extension", isEntry: true, classifier: 0.05, score: 0.2 },
      ],
      coverage: THRESHOLDS.answerCoverage - 0.01,
      known: THRESHOLDS.trustKnown - 0.01,
      inDomain: false,
      shared: THRESHOLDS.sharedTerms - 1,
    });
    assert.deepEqual(decide(everyday), { kind: "did-you-mean", closest: ["secondment-types"] });
    assert.equal(decide({ ...everyday, inDomain: true }).kind, "answer");
    assert.equal(decide({ ...everyday, known: THRESHOLDS.trustKnown }).kind, "answer");
    assert.equal(decide({ ...everyday, shared: THRESHOLDS.sharedTerms }).kind, "answer");
    assert.equal(decide({ ...everyday, coverage: THRESHOLDS.answerCoverage }).kind, "answer");
  });

  it("says 'not covered' when the question names such a topic in words no entry uses, whatever the entries score", () => {
    assert.deepEqual(decide(signals({ uncovered: "not-covered-relocation" })), { kind: "not-covered", topic: "not-covered-relocation", closest: [] });
  });

  it("declines a question naming an everyday workplace thing: off-topic, or not covered if it names secondments", () => {
    assert.deepEqual(decide(signals({ offTopicMark: true, inDomain: false })), { kind: "off-topic" });
    assert.deepEqual(decide(signals({ offTopicMark: true })), { kind: "not-covered", closest: [] });
  });

  it("does not answer with an entry that explains less than half of the question; offers only entries that explain some of it", () => {
    const explained = { "pay-and-expenses": 0.3, extension: 0.25, benefits: 0.1 };
    const ranked = [
      { id: "pay-and-expenses", isEntry: true, classifier: 0.9, score: 1.9 },
      { id: "extension", isEntry: true, classifier: 0.3, score: 1.2 },
      { id: "benefits", isEntry: true, classifier: 0.2, score: 1.1 },
    ];
    const d = decide(signals({ explained, ranked, coverage: 0.45 }));
    assert.deepEqual(d, { kind: "did-you-mean", closest: ["pay-and-expenses", "extension"] });
    assert.equal(decide(signals({ explained: { ...explained, "pay-and-expenses": GATE.explained }, ranked, coverage: 0.45 })).kind, "answer");
    // Nothing explains enough to be a near miss: declined.
    assert.deepEqual(decide(signals({ explained: { "pay-and-expenses": 0.1 }, inDomain: false })), { kind: "off-topic" });
  });

  it("answers on BM25 alone only when the classifier knows no label, the entry explains most of the question and leads clearly", () => {
    const ranked = [
      { id: "extension", isEntry: true, classifier: 0, score: 1 },
      { id: "pay-and-expenses", isEntry: true, classifier: 0.1, score: 0.5 },
    ];
    const bm25Only = signals({ terms: ["extend", "month"], ranked, explained: { extension: THRESHOLDS.wordsOnlyExplained }, coverage: 1 });
    assert.equal(decide(bm25Only).kind, "answer");
    // The classifier leans to some label, or the entry explains too little.
    const sure = [...ranked, { id: "benefits", isEntry: true, classifier: THRESHOLDS.wordsOnlyClassifier, score: 0.3 }];
    assert.equal(decide({ ...bm25Only, ranked: sure }).kind, "did-you-mean");
    assert.equal(decide({ ...bm25Only, explained: { extension: THRESHOLDS.wordsOnlyExplained - 0.01 } }).kind, "did-you-mean");
    // A single term is never enough.
    assert.equal(decide({ ...bm25Only, terms: ["extend"] }).kind, "did-you-mean");
  });

  it("says 'off-topic' when nothing telling matches and the question does not name secondments", () => {
    const weak = signals({ ranked: [{ id: "benefits", isEntry: true, classifier: 0.1, score: 0.3 }], coverage: 0.1, known: 0.1, telling: false, inDomain: false });
    assert.deepEqual(decide(weak), { kind: "off-topic" });
    assert.deepEqual(decide({ ...weak, inDomain: true }), { kind: "not-covered", closest: [] });
  });
});

describe("the answer gate", () => {
  const label = { main: new Set(["extend", "secondment"]), answer: new Set(["month"]) };
  it("credits terms the entry's question and alternates use in full, its answer's in part, others not at all", () => {
    assert.equal(explainedShare([{ term: "extend", weight: 1 }, { term: "secondment", weight: 0.2 }], label), 1);
    assert.equal(explainedShare([{ term: "extend", weight: 1 }, { term: "month", weight: 1 }], label), (1 + GATE.answerCredit) / 2);
    // One shared programme word does not explain a question about something else.
    assert.ok(explainedShare([{ term: "extend", weight: 0.8 }, { term: "park", weight: GATE.unknownWeight }, { term: "offic", weight: 1 }], label) < GATE.explained);
    assert.equal(explainedShare([], label), 0);
  });

  it("passes an entry that explains at least GATE.explained of the question", () => {
    assert.ok(passesGate({ explained: { extension: 0.8 } }, "extension"));
    assert.ok(!passesGate({ explained: { extension: 0.3 } }, "extension"));
  });
});

describe("long questions, clause by clause", () => {
  const answer = (id: string, confidence = 2) => ({ kind: "answer" as const, id, related: [], confidence });
  const sig = signals({ ranked: [{ id: "pay-and-expenses", isEntry: true, classifier: 0.5, score: 1.2 }, { id: "extension", isEntry: true, classifier: 0.4, score: 1.1 }] });

  it("splits at sentence marks, commas and 'but', keeping the question mark with its clause", () => {
    assert.deepEqual(clauses("I work in Bangor, my boss is fine. But who pays me?"), ["I work in Bangor", "my boss is fine", "who pays me?"]);
    assert.ok(isAsk("who pays me?") && isAsk("so could we offer a role") && !isAsk("I work in Bangor"));
    // Unpunctuated chat: before a question word.
    assert.deepEqual(clauses("been in the same job for years what would I get out of it"), ["been in the same job for years", "what would I get out of it"]);
  });

  it("answers from an asking clause when the whole question only came close to that entry", () => {
    const dym = { kind: "did-you-mean" as const, closest: ["pay-and-expenses", "extension"] };
    assert.deepEqual(withClauses(dym, sig, [{ terms: 2, decision: answer("extension") }]), answer("extension"));
    // Not when the clause's entry was nowhere near for the whole question.
    assert.deepEqual(withClauses(dym, sig, [{ terms: 3, decision: answer("benefits") }]), dym);
    assert.deepEqual(withClauses({ kind: "off-topic" }, sig, [{ terms: 3, decision: answer("extension") }]), { kind: "off-topic" });
    // Not when the whole question names a topic the material does not cover.
    const nc = { kind: "not-covered" as const, topic: "not-covered-promotion", closest: [] };
    assert.deepEqual(withClauses(nc, { ...sig, uncovered: "not-covered-promotion" }, [{ terms: 2, decision: answer("extension") }]), nc);
  });

  it("asks 'did you mean' when a long enough clause answers with another entry than the whole question", () => {
    const whole = answer("pay-and-expenses");
    assert.deepEqual(withClauses(whole, sig, [{ terms: 3, decision: answer("extension") }]), { kind: "did-you-mean", closest: ["extension", "pay-and-expenses"] });
    assert.deepEqual(withClauses(whole, sig, [{ terms: 2, decision: answer("extension") }]), whole);
    assert.deepEqual(withClauses(whole, sig, [{ terms: 3, decision: answer("pay-and-expenses") }]), whole);
  });

  it("keeps the whole question's answer when its entry explains clearly more of the question than the clause's", () => {
    const whole = answer("pay-and-expenses");
    const clause = [{ terms: 3, decision: answer("extension") }];
    assert.deepEqual(withClauses(whole, { ...sig, explained: { "pay-and-expenses": 0.7, extension: 0.4 } }, clause), whole);
    // About as much: both are offered.
    assert.deepEqual(withClauses(whole, { ...sig, explained: { "pay-and-expenses": 0.5, extension: 0.45 } }, clause), {
      kind: "did-you-mean",
      closest: ["extension", "pay-and-expenses"],
    });
  });
});

describe("the evaluation set (correctness, not timing)", () => {
  it("has at least 80 in-domain, 20 off-topic and 15 not-covered questions, none copied from the alternates", () => {
    assert.ok(IN_DOMAIN.length >= 80 && OFF_TOPIC.length >= 20 && NOT_COVERED_SET.length >= 15);
    const alternates = new Set(SHIPPED_ENTRIES.flatMap((e) => [e.question, ...(e.alternates ?? [])]).map((q) => q.toLowerCase()));
    for (const [q, id] of IN_DOMAIN) {
      assert.ok(!alternates.has(q.toLowerCase()), `copied: ${q}`);
      assert.ok(faq.byId(id), `unknown entry ${id}`);
    }
  });

  it("never invents an answer to an off-topic or not-covered question", () => {
    for (const q of [...OFF_TOPIC, ...NOT_COVERED_SET]) {
      const r = faq.ask(q);
      assert.notEqual(r.kind, "answer", `${q} -> ${r.kind === "answer" ? r.entry.id : ""}`);
    }
  });

  it("never answers an in-domain question with the wrong entry more than twice", () => {
    const wrong = IN_DOMAIN.filter(([q, id]) => {
      const r = faq.ask(q);
      return r.kind === "answer" && r.entry.id !== id;
    });
    assert.ok(wrong.length <= 2, JSON.stringify(wrong));
  });

  it("never answers a topic the material does not cover, and names the topic for most of its wordings", () => {
    let named = 0;
    let total = 0;
    for (const topic of NOT_COVERED) {
      for (const a of topic.alternates) {
        total++;
        const r = faq.ask(a);
        assert.notEqual(r.kind, "answer", a);
        if (r.kind === "not-covered" && r.topic?.id === topic.id) named++;
      }
    }
    assert.ok(named >= total * 0.65, `${named} of ${total}`);
  });
});

describe("removing personal data from kept questions", () => {
  it("removes email addresses, phone numbers and the asker's name", () => {
    assert.equal(
      scrubPersonalData("I'm Ana Jones, ana.jones@housing.gov.wales or +44 29 2034 5678 / 07700-900-123: pension?", ["Ana Jones"]),
      "I'm [name] [name], [email] or [phone] / [phone]: pension?",
    );
  });

  it("leaves words that merely contain a name alone, and text without personal data unchanged", () => {
    assert.equal(scrubPersonalData("Can Banana Republic host me?", ["Ana"]), "Can Banana Republic host me?");
    assert.equal(scrubPersonalData("how long is a secondment, 12 weeks?", [undefined]), "how long is a secondment, 12 weeks?");
  });
});

describe("typed commands, greetings and near misses", () => {
  const verbOf = (t: string) => commandFor(t).verb;
  it("recognises near-miss commands by edit distance", () => {
    assert.equal(verbOf("helo"), VERBS.showMenu);
    assert.equal(verbOf("Hello!"), VERBS.showMenu);
    assert.equal(verbOf("my pln"), VERBS.showPlan);
    assert.equal(verbOf("intrest"), VERBS.startInterest);
    assert.equal(verbOf("unanswerd questions"), VERBS.kbShow);
    assert.equal(verbOf("thanks!"), VERBS.sayThanks);
    assert.equal(verbOf("cheers"), VERBS.sayThanks);
  });

  it("sends questions and short topic words to the FAQ, not to a command", () => {
    for (const t of ["pay", "salary", "pension", "who pays my salary?"]) assert.equal(verbOf(t), VERBS.askQuestion, t);
  });
});

describe("applying the programme team's changes", () => {
  const by = { aadObjectId: "00000000-0000-0000-0000-000000000001", name: "Pat" };
  const at = "2026-12-06T10:00:00.000Z";
  it("adds alternates and new entries in order, skips undone changes and never duplicates", () => {
    const changes: KbChange[] = [
      { n: 1, kind: "alternate", entryId: "extension", text: "can I stay on?", by, at },
      { n: 2, kind: "alternate", entryId: "extension", text: "can I stay on?", by, at },
      { n: 3, kind: "entry", entryId: "team-1", topic: "Pets", question: "Can I bring my dog?", answer: ["Ask the host."], by, at },
      { n: 4, kind: "alternate", entryId: "pay-and-expenses", text: "dosh?", by, at, undone: { by, at } },
    ];
    const entries = applyChanges(SHIPPED_ENTRIES, changes);
    assert.equal(entries.find((e) => e.id === "extension")!.alternates!.filter((a) => a === "can I stay on?").length, 1);
    assert.equal(entries.find((e) => e.id === "team-1")!.topic, "Pets");
    assert.ok(!entries.find((e) => e.id === "pay-and-expenses")!.alternates!.includes("dosh?"));
    assert.ok(!SHIPPED_ENTRIES.find((e) => e.id === "extension")!.alternates!.includes("can I stay on?"), "shipped entries untouched");
  });

  it("gives each language only the alternates written in it, and Welsh questions are answered by a Welsh one", () => {
    const changes: KbChange[] = [
      { n: 1, kind: "alternate", entryId: "performance-management", text: "Pwy sy'n llofnodi fy nhaflenni amser?", lang: "cy", by, at },
      { n: 2, kind: "alternate", entryId: "performance-management", text: "who signs my timesheets?", lang: "en-GB", by, at },
    ];
    const english = applyChanges(SHIPPED_ENTRIES, changes).find((e) => e.id === "performance-management")!;
    const welsh = applyChanges(WELSH_ENTRIES, changes, "cy").find((e) => e.id === "performance-management")!;
    assert.ok(english.alternates!.includes("who signs my timesheets?") && !english.alternates!.includes("Pwy sy'n llofnodi fy nhaflenni amser?"));
    assert.ok(welsh.alternates!.includes("Pwy sy'n llofnodi fy nhaflenni amser?") && !welsh.alternates!.includes("who signs my timesheets?"));
    const before = createWelshFaq().ask("Pwy sy'n llofnodi fy nhaflenni amser?");
    assert.notEqual(before.kind, "answer");
    const after = createWelshFaq(applyChanges(WELSH_ENTRIES, changes, "cy")).ask("Pwy sy'n llofnodi fy nhaflenni amser?");
    assert.equal(after.kind === "answer" ? after.entry.id : after.kind, "performance-management");
  });

  it("puts a new entry only in the FAQ of the language it is written in (English when a change names none)", () => {
    const changes: KbChange[] = [
      { n: 1, kind: "entry", entryId: "team-cy", topic: "Parcio", question: "A gaf i barcio?", answer: ["Gofynnwch i'r sefydliad lletyol."], lang: "cy", by, at },
      { n: 2, kind: "entry", entryId: "team-old", topic: "Pets", question: "Can I bring my dog?", answer: ["Ask the host."], by, at },
    ];
    const ids = (lang: "en-GB" | "cy") => applyChanges(lang === "cy" ? WELSH_ENTRIES : SHIPPED_ENTRIES, changes, lang).filter((e) => e.id.startsWith("team-")).map((e) => [e.id, e.lang]);
    assert.deepEqual(ids("en-GB"), [["team-old", "en-GB"]]);
    assert.deepEqual(ids("cy"), [["team-cy", "cy"]]);
  });
});
