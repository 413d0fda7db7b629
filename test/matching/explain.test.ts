import assert from "node:assert/strict";
import { MatchEngine } from "../../src/matching/engine";
import { explain, explanationLines, formatLines } from "../../src/matching/explain";
import { formatMsg, formatSentences, type ListItem } from "../../src/matching/message";
import { checkPair, HARD_RULES } from "../../src/matching/rules";
import { manualExplanation } from "../../src/programme/manual-match";
import { candidate, context, opening } from "./fixtures";

const skills = (ids: ("data-analysis" | "statistics" | "research" | "leadership" | "economics")[], other: string[] = []) => ({ ids, other });

describe("matching explanations", () => {
  const ctx = context();
  const role = opening("r1", {
    requiredSkills: skills(["data-analysis", "statistics", "economics"], ["GIS mapping"]),
    niceSkills: skills(["research", "leadership"]),
    region: "london",
    workArrangements: ["hybrid", "remote"],
    secondmentTypes: ["long-term", "part-time"],
    partTimePossible: true,
    minDaysPerWeek: 3,
    startDate: "2027-03-01",
  });
  const person = candidate("c1", {
    skillsOffered: skills(["data-analysis", "research"], [" gis MAPPING"]),
    skillsToDevelop: skills(["leadership"], ["Public speaking"]),
    region: "yorkshire-and-the-humber",
    workArrangements: ["remote"],
    secondmentTypes: ["long-term", "part-time", "exchange"],
    workingPattern: "part-time",
    daysPerWeek: 3.5,
    availableFrom: "2027-02-15",
  });
  const e = explain(person, role, ctx);
  const words = (items: ListItem[]) => items.map((i) => ("text" in i ? i.text : "choice" in i ? formatMsg("en-GB", { key: `choice.${i.choice}.${i.id}` }) : ""));
  const summaryOf = (x: typeof e) => formatSentences("en-GB", x.summary);
  const textOf = (x: typeof e, n: number) => formatSentences("en-GB", x.preferences[n]!.text);

  it("lists the required skills matched (in the role's words) and missing", () => {
    assert.deepEqual(words(e.requiredSkillsMatched), ["Data analysis", "GIS mapping"]);
    assert.deepEqual(words(e.requiredSkillsMissing), ["Statistics", "Economics"]);
    assert.deepEqual(words(e.niceSkillsMatched), ["Research"]);
  });

  it("lists the development wishes the role meets", () => {
    assert.deepEqual(words(e.developmentMet), ["Leadership"]);
  });

  it("says which preferences fit: location, type, pattern and dates, in that order", () => {
    assert.deepEqual(
      e.preferences.map((p) => [p.aspect, p.fits]),
      [
        ["location", true],
        ["type", true],
        ["pattern", true],
        ["dates", true],
      ],
    );
    const text = Object.fromEntries(e.preferences.map((p) => [p.aspect, formatSentences("en-GB", p.text)]));
    assert.equal(text["location"], "The role is in London and they work in Yorkshire and the Humber, but both are open to remote working.");
    assert.equal(text["type"], "Both are open to: Long-term and Part-time.");
    assert.equal(text["pattern"], "They can work 3.5 days a week; the role can be done in 3 days a week or more.");
    assert.equal(
      text["dates"],
      "They are free from 15 February 2027, 2 weeks before the role starts on 1 March 2027. The role lasts 12 months; they would consider 6 to 18 months.",
    );
  });

  it("lists every hard rule checked", () => {
    assert.deepEqual(
      e.rulesChecked.map((r) => r.id),
      HARD_RULES.map((r) => r.id),
    );
    assert.ok(e.rulesChecked.every((r) => r.label.length > 0));
  });

  it("sums it up in a short sentence", () => {
    assert.equal(
      summaryOf(e),
      "Offers 2 of the 4 skills the role needs (Data analysis and GIS mapping), but not Statistics or Economics. " +
        "Also offers Research, which the role would value. Would develop Leadership. " +
        "In different regions, both open to remote working. Free 2 weeks before the role starts.",
    );
  });

  it("words a full match and a same-region match simply", () => {
    const full = explain(candidate("c2"), opening("r2"), ctx);
    assert.equal(
      summaryOf(full),
      "Offers both skills the role needs (Data analysis and Statistics). Both in London. Free from the day the role starts.",
    );
    assert.deepEqual(full.requiredSkillsMissing, []);
    assert.equal(textOf(full, 0), "Both are in London. Both are open to hybrid working.");
    assert.equal(textOf(full, 2), "They work full-time.");
  });

  it("says when the location does not fit", () => {
    const far = explain(candidate("c3", { region: "scotland", workArrangements: ["hybrid"] }), opening("r3"), ctx);
    assert.equal(far.preferences[0]!.fits, false);
    assert.match(summaryOf(far), /In different regions\./);
  });

  it("never mentions adjustments or language, whatever they say", () => {
    const adjusted = candidate("c1", { ...person.details, adjustments: "I use a wheelchair and need step-free access", language: "cy" });
    const withAdjustments = explain(adjusted, role, ctx);
    assert.deepEqual(withAdjustments, e);
    assert.doesNotMatch(JSON.stringify(withAdjustments), /wheelchair|step-free|adjust|Cymraeg|Welsh/i);
    for (const lang of ["en-GB", "cy"] as const) {
      assert.doesNotMatch(formatLines(lang, explanationLines(withAdjustments)) + summaryOf(withAdjustments), /wheelchair|step-free|adjust/i);
    }
  });

  it("gives each proposal its explanation, in JSON too", () => {
    const engine = new MatchEngine(ctx);
    engine.upsertCandidate(person);
    engine.upsertOpening(role);
    const [p] = engine.matchesForOpening("r1");
    assert.ok(p);
    assert.deepEqual(p.explanation, e);
    const json = JSON.parse(JSON.stringify(p)) as { explanation: { summary: unknown } };
    assert.deepEqual(json.explanation.summary, e.summary);
  });

  it("reads the same explanation in Welsh, written to the person (chi) or about them", () => {
    const about = formatLines("cy", explanationLines(e));
    const toThem = formatLines("cy", explanationLines(e), "candidate");
    assert.match(about, /Sgiliau sydd eu hangen ar y rôl ac sydd ganddyn nhw: Dadansoddi data a GIS mapping/);
    assert.match(toThem, /Sgiliau sydd eu hangen ar y rôl ac sydd gennych chi: Dadansoddi data a GIS mapping/);
    assert.match(toThem, /Rydych chi'n rhydd o 15 Chwefror 2027, 2 wythnos cyn i'r rôl ddechrau, sef 1 Mawrth 2027\./);
    assert.match(toThem, /Wedi'u gwirio: Wedi cael eich rhyddhau gan eich rheolwr llinell; /);
    assert.doesNotMatch(toThem, /\b(they|their|them|nhw)\b/i, "written to the person, not about them");
    assert.match(formatLines("en-GB", explanationLines(e), "candidate"), /Skills the role needs that you offer: Data analysis and GIS mapping/);
    assert.equal(
      formatSentences("cy", e.summary),
      "Yn cynnig 2 o'r 4 sgil sydd eu hangen ar y rôl (Dadansoddi data a GIS mapping), ond nid y rhain: Ystadegau neu Economeg. " +
        "Mae hefyd yn cynnig sgiliau a fyddai o werth i'r rôl: Ymchwil. Byddai'n datblygu'r sgiliau hyn: Arweinyddiaeth. " +
        "Mewn rhanbarthau gwahanol, a'r ddwy ochr yn agored i weithio o bell. Yn rhydd 2 wythnos cyn i'r rôl ddechrau.",
    );
  });

  it("a manual match's channel lines name each rule, and keep the person's own details to them", () => {
    const rules = checkPair(candidate("c9", { contractType: "fixed-term", fixedTermEnd: "2027-06-30" }), opening("r9"), ctx);
    const { lines, summary } = manualExplanation(rules);
    const channel = formatLines("en-GB", lines, "channel");
    assert.match(channel, /^- Not met: Ends before a fixed-term contract does\.$/m);
    assert.doesNotMatch(channel, /30 June 2027/, "the contract's end date is not the channel's business");
    assert.match(formatLines("en-GB", lines, "candidate"), /after your fixed-term contract ends on 30 June 2027/);
    assert.match(formatLines("cy", lines, "channel"), /^- Heb ei bodloni: Yn dod i ben cyn i gontract cyfnod penodol ddod i ben\.$/m);
    assert.equal(formatSentences("cy", summary), "Cynigiwyd gan dîm y rhaglen, a benderfynodd fwrw ymlaen er nad oedd un rheol wedi'i bodloni.");
  });
});
