import assert from "node:assert/strict";
import { FAQ_ENTRIES, LGA_SECONDMENTS_EMAIL, PROGRAMME_TEAM_EMAIL } from "../../src/faq/knowledge";
import data from "../../src/faq/knowledge-cy.json";
import { parseWelshFaqFile, WELSH_FAQ, welshEntry, welshFaq } from "../../src/faq/knowledge-cy";
import { NOT_COVERED } from "../../src/faq/not-covered";
import { CATALOGUES } from "../../src/i18n";
import { WELSH_OFF_TOPIC } from "./eval-set-cy";

const faq = welshFaq();

describe("Welsh FAQ", () => {
  it("has a Welsh entry for every English entry, with as many paragraphs, a topic, a question and alternates", () => {
    assert.deepEqual(WELSH_FAQ.map((e) => e.id).sort(), FAQ_ENTRIES.map((e) => e.id).sort());
    for (const en of FAQ_ENTRIES) {
      const cy = welshEntry(en.id)!;
      assert.equal(cy.answer.length, en.answer.length, en.id);
      assert.notEqual(cy.topic, en.topic, `${en.id}: the topic is still English`);
      assert.notEqual(cy.question, en.question, `${en.id}: the question is still English`);
      assert.ok(cy.alternates.length >= 3, `${en.id}: at least three Welsh alternates`);
    }
  });

  it("keeps the email addresses, numbers and names the English answers give", () => {
    for (const en of FAQ_ENTRIES) {
      const english = en.answer.join("\n");
      const welsh = welshEntry(en.id)!.answer.join("\n");
      for (const fact of english.match(/[^\s@]+@[^\s@]+\.[a-z.]+[a-z]|\b\d+\b|Shelter|Barnardo's|Ipsos MORI|OECD|OSCE|Estyn|Ofsted|GovXchange/g) ?? []) {
        assert.ok(welsh.includes(fact.replace(/\.$/, "")), `${en.id}: "${fact}" missing from the Welsh`);
      }
    }
    assert.match(welshEntry("further-questions")!.answer.join(" "), new RegExp(PROGRAMME_TEAM_EMAIL.replace(/\./g, "\\.")));
    assert.match(welshEntry("disability-adjustments")!.answer.join(" "), new RegExp(LGA_SECONDMENTS_EMAIL.replace(/\./g, "\\.")));
  });

  it("answers each Welsh entry's own question and whole-question alternates with that entry", () => {
    for (const e of WELSH_FAQ) {
      for (const q of [e.question, ...e.alternates.filter((a) => a.endsWith("?"))]) {
        const r = faq.ask(q);
        assert.equal(r.kind === "answer" ? r.entry.id : r.kind, e.id, q);
        assert.equal(r.kind === "answer" && r.entry.topic, e.topic, "the answer is the Welsh entry");
      }
    }
  });

  it("finds words through their mutations (fy nghyflog, fy mharu, ddeiliad)", () => {
    const id = (q: string) => {
      const r = faq.ask(q);
      return r.kind === "answer" ? r.entry.id : r.kind;
    };
    assert.equal(id("Pwy sy'n talu fy nghyflog?"), "pay-and-expenses");
    assert.equal(id("Oes sicrwydd y caf fy mharu?"), "guaranteed-match");
    assert.equal(id("Beth ddylwn i ei roi yn yr achos busnes?"), "business-case");
  });

  it("treats place names, mutated too, as context ('yng Nghaerdydd', 'i Abertawe')", () => {
    assert.ok(faq.signals("Dw i'n byw yng Nghaerdydd").terms.includes("caerdydd"));
    const r = faq.ask("Dw i'n gweithio yng Nghaerdydd i'r cyngor, pwy sy'n talu fy nghyflog ar secondiad?");
    assert.equal(r.kind === "answer" ? r.entry.id : r.kind, "pay-and-expenses");
  });

  it("never answers a Welsh off-topic question", () => {
    for (const q of WELSH_OFF_TOPIC) assert.notEqual(faq.ask(q).kind, "answer", q);
    assert.equal(faq.ask("Beth yw'r tywydd yng Nghaerdydd yfory?").kind, "off-topic");
  });

  it("says a Welsh question about pensions is not covered by the material, rather than answering it", () => {
    const r = faq.ask("Beth sy'n digwydd i fy mhensiwn pan fydda i ar secondiad?");
    assert.equal(r.kind, "not-covered");
    assert.equal(r.kind === "not-covered" && r.topic?.id, "not-covered-pension");
  });

  it("reads spoken Welsh: 'isio', 'nôl', 'rhoi fy enw lawr', 'mynd ymlaen'", () => {
    const terms = (q: string) => faq.signals(q).terms;
    assert.deepEqual(terms("dod 'nôl"), terms("dod yn ôl"));
    assert.deepEqual(terms("rhoi fy enw lawr"), terms("gwneud cais"));
    assert.ok(terms("dw i ddim isio mynd").includes("unsuitable"));
    assert.deepEqual(terms("mynd ymlaen"), terms("bwrw ymlaen"));
    // "Mynd ati i" and "trafferthu" are how something is asked; "sgwennu" is "ysgrifennu".
    assert.deepEqual(terms("sut dw i'n mynd ati i drefnu secondiad"), terms("sut dw i'n trefnu secondiad"));
    assert.deepEqual(terms("pam ddylwn i drafferthu efo secondiad"), terms("pam ddylwn i wneud secondiad"));
    assert.deepEqual(terms("sgwennu rhywbeth"), terms("ysgrifennu rhywbeth"));
    // "ydan ni", "dach chi", "be di", "ges i" and "ydych chi'n gwybod" are the asking, not the topic.
    assert.deepEqual(terms("ydan ni'n cael secondai?"), terms("ydyn ni'n cael secondai?"));
    assert.deepEqual(terms("be di manteision secondiad"), terms("beth yw manteision secondiad"));
    assert.deepEqual(terms("ydych chi'n gwybod pwy sy'n talu"), terms("pwy sy'n talu"));
    // Spoken "lle" opening a question is "where", not "a place".
    assert.deepEqual(terms("lle mae'r ffurflen?"), terms("ble mae'r ffurflen?"));
  });

  it("reads 'bwrw mlaen', 'yn bendant', 'business case', asking whether there is a formal interview, and knowing someone somewhere", () => {
    const terms = (q: string) => faq.signals(q).terms;
    assert.deepEqual(terms("bwrw mlaen"), terms("bwrw ymlaen"));
    assert.deepEqual(terms("business case"), terms("achos busnes"));
    const id = (q: string) => {
      const r = faq.ask(q);
      return r.kind === "answer" ? r.entry.id : r.kind;
    };
    assert.equal(id("oes yna gyfweliad ffurfiol?"), "matching-process");
    assert.equal(id("fydda i'n cael secondiad yn bendant?"), "guaranteed-match");
    // Where the person they know works is context: the ask is how to approach them.
    assert.equal(id("dw i'n nabod rhywun yn Chwaraeon Cymru, ga i gysylltu efo nhw?"), "approaching-a-host");
  });

  it("reads 'pa fath o', 'deuddydd yr wythnos', 'ok gan fy mos', after sending the form, 'ddim yn siŵr', advice (not a council) and still being in touch", () => {
    const id = (q: string) => {
      const r = faq.ask(q);
      return r.kind === "answer" ? r.entry.id : r.kind;
    };
    assert.equal(id("pa fath o leoliadau sy ar gael?"), "secondment-types");
    assert.equal(id("dw i'n gweithio deuddydd yr wythnos, ga i wneud cais?"), "part-time-hours");
    assert.equal(id("oes angen ok gan fy mos i?"), "line-manager-permission");
    assert.equal(id("be sy'n digwydd ar ôl i mi anfon y ffurflen?"), "matching-process");
    assert.equal(id("dw i ddim yn siŵr be dw i isio'i ddysgu"), "choosing-skills");
    assert.equal(id("oes gynnoch chi gyngor ar sut i fynd at sefydliad lletyol?"), "approaching-a-host");
    assert.equal(id("fydda i'n dal mewn cysylltiad efo fy rheolwr?"), "keeping-in-touch");
    // Still in touch with anyone else is not keeping in touch with the home organisation.
    assert.notEqual(id("ydw i dal mewn cysylltiad efo'r banc"), "keeping-in-touch");
  });

  it("reads English words typed in Welsh sentences, and tells a part-time secondment from working part time", () => {
    const terms = (q: string) => faq.signals(q).terms;
    assert.deepEqual(terms("fixed term sy gen i"), terms("cyfnod penodol sy gen i"));
    assert.deepEqual(terms("ga i apply"), terms("ga i wneud cais"));
    assert.ok(terms("chwe mis arall").includes("ymestyn"));
    const id = (q: string) => {
      const r = faq.ask(q);
      return r.kind === "answer" ? r.entry.id : r.kind;
    };
    assert.equal(id("Ydy secondiadau rhan-amser ar gael?"), "secondment-types");
    assert.equal(id("Dw i'n gweithio rhan-amser, ga i ymuno?"), "part-time-hours");
  });

  it("declines a Welsh question that names, in Welsh, a topic the material does not cover or an everyday workplace thing, though it shares words with an entry", () => {
    const probation = "Oes rhaid i mi orffen fy nghyfnod prawf cyn gwneud cais?";
    assert.equal(faq.signals(probation).uncovered, "not-covered-eligibility");
    const r = faq.ask(probation);
    assert.equal(r.kind === "not-covered" ? r.topic?.id : r.kind, "not-covered-eligibility");
    const laptop = "Mae fy ngliniadur yn araf, alla i gael help gan fy rheolwr?";
    assert.equal(faq.signals(laptop).offTopicMark, true);
    assert.equal(faq.ask(laptop).kind, "off-topic");
  });

  it("has Welsh questions and words for every topic the material does not cover, and words for each in both catalogues", () => {
    for (const t of NOT_COVERED) {
      assert.ok((data.notCovered as Record<string, string[]>)[t.id]?.length, `${t.id}: no Welsh questions`);
      assert.ok((data.notCoveredMarks as Record<string, string[]>)[t.id]?.length, `${t.id}: no Welsh words that name it`);
      const key = t.id.replace(/^not-covered-/, "");
      for (const lang of ["en-GB", "cy"] as const) {
        for (const part of ["what", "who"]) assert.ok(CATALOGUES[lang][`faq.notCovered.${key}.${part}`], `${lang} faq.notCovered.${key}.${part}`);
      }
    }
  });

  it("refuses a Welsh FAQ file with a missing answer or an unknown entry, naming the field", () => {
    const broken = structuredClone(data) as { entries: Array<Record<string, unknown>> };
    delete broken.entries[2]!.answer;
    assert.throws(() => parseWelshFaqFile(broken), /entries\.2\.answer/);
    const unknown = structuredClone(data) as { entries: Array<Record<string, unknown>> };
    unknown.entries[0]!.id = "no-such-entry";
    assert.throws(() => parseWelshFaqFile(unknown), /no-such-entry is not an FAQ entry/);
    const marks = structuredClone(data) as { notCoveredMarks: Record<string, string[]> };
    marks.notCoveredMarks["not-covered-nothing"] = ["dim"];
    assert.throws(() => parseWelshFaqFile(marks), /notCoveredMarks\.not-covered-nothing is not a not-covered topic/);
  });
});
