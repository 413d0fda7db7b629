/**
 * The answer gate's trade-off (src/faq/gate.ts): right answers against invented ones, over every
 * development set together, English and Welsh, for a range of settings.
 *   node dist/scripts/bench-faq-gate.js                 the curve over GATE.explained
 *   node dist/scripts/bench-faq-gate.js '[{"explained":0.45,"didYouMean":0.2}]' --verbose
 * Each setting is applied on top of the previous one (GATE is changed in place).
 */
import { createFaq, type Faq } from "../src/faq/search";
import { GATE } from "../src/faq/gate";
import { welshFaq } from "../src/faq/knowledge-cy";
import { scoreSet } from "./bench-faq";
import { IN_DOMAIN, NOT_COVERED_SET, OFF_TOPIC } from "../test/faq/eval-set";
import { WELSH_IN_DOMAIN, WELSH_OFF_TOPIC } from "../test/faq/eval-set-cy";
import { HELD_OUT_IN_DOMAIN, HELD_OUT_NOT_COVERED, HELD_OUT_OFF_TOPIC } from "../test/faq/held-out-set";
import { FRESH_IN_DOMAIN, FRESH_IN_DOMAIN_CY, FRESH_NOT_COVERED, FRESH_OFF_TOPIC, FRESH_OFF_TOPIC_CY } from "../test/faq/fresh-set";
import { BLIND_IN_DOMAIN, BLIND_IN_DOMAIN_CY, BLIND_NOT_COVERED, BLIND_OFF_TOPIC, BLIND_OFF_TOPIC_CY } from "../test/faq/blind-set";
import { BLIND2_IN_DOMAIN, BLIND2_IN_DOMAIN_CY, BLIND2_NOT_COVERED, BLIND2_OFF_TOPIC, BLIND2_OFF_TOPIC_CY } from "../test/faq/blind2-set";
import { BLIND3_IN_DOMAIN, BLIND3_IN_DOMAIN_CY, BLIND3_NOT_COVERED, BLIND3_OFF_TOPIC, BLIND3_OFF_TOPIC_CY } from "../test/faq/blind3-set";
import { BLIND4_IN_DOMAIN, BLIND4_IN_DOMAIN_CY, BLIND4_NOT_COVERED, BLIND4_OFF_TOPIC, BLIND4_OFF_TOPIC_CY } from "../test/faq/blind4-set";

const en = createFaq();
const cy = welshFaq();
const none = (qs: readonly string[]) => qs.map((q) => [q, undefined] as const);
type Items = ReadonlyArray<readonly [string, string | undefined]>;
const inDomain: Array<[string, Faq, Items]> = [
  ["en", en, IN_DOMAIN], ["held", en, HELD_OUT_IN_DOMAIN], ["fresh", en, FRESH_IN_DOMAIN], ["blind", en, BLIND_IN_DOMAIN], ["blind2", en, BLIND2_IN_DOMAIN], ["blind3", en, BLIND3_IN_DOMAIN], ["blind4", en, BLIND4_IN_DOMAIN],
  ["cy", cy, WELSH_IN_DOMAIN], ["freshcy", cy, FRESH_IN_DOMAIN_CY], ["blindcy", cy, BLIND_IN_DOMAIN_CY], ["blind2cy", cy, BLIND2_IN_DOMAIN_CY], ["blind3cy", cy, BLIND3_IN_DOMAIN_CY], ["blind4cy", cy, BLIND4_IN_DOMAIN_CY],
];
const declines: Array<[string, Faq, Items]> = [
  ["off", en, none(OFF_TOPIC)], ["nc", en, none(NOT_COVERED_SET)], ["hoff", en, none(HELD_OUT_OFF_TOPIC)], ["hnc", en, none(HELD_OUT_NOT_COVERED)],
  ["foff", en, none(FRESH_OFF_TOPIC)], ["fnc", en, none(FRESH_NOT_COVERED)], ["boff", en, none(BLIND_OFF_TOPIC)], ["bnc", en, none(BLIND_NOT_COVERED)],
  ["b2off", en, none(BLIND2_OFF_TOPIC)], ["b2nc", en, none(BLIND2_NOT_COVERED)], ["b3off", en, none(BLIND3_OFF_TOPIC)], ["b3nc", en, none(BLIND3_NOT_COVERED)], ["b4off", en, none(BLIND4_OFF_TOPIC)], ["b4nc", en, none(BLIND4_NOT_COVERED)],
  ["cyoff", cy, none(WELSH_OFF_TOPIC)], ["fcyoff", cy, none(FRESH_OFF_TOPIC_CY)], ["bcyoff", cy, none(BLIND_OFF_TOPIC_CY)], ["b2cyoff", cy, none(BLIND2_OFF_TOPIC_CY)], ["b3cyoff", cy, none(BLIND3_OFF_TOPIC_CY)], ["b4cyoff", cy, none(BLIND4_OFF_TOPIC_CY)],
];
const verbose = process.argv.includes("--verbose");
const arg = process.argv.find((a) => a.startsWith("["));
const shipped = { ...GATE };
const grid = arg
  ? (JSON.parse(arg) as Array<Partial<typeof GATE>>)
  : [0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6].map((explained) => ({ ...shipped, explained }));
for (const g of grid) {
  Object.assign(GATE, g);
  let right = 0, dym = 0, dymRight = 0, wrong = 0, total = 0;
  const per: string[] = [];
  for (const [name, faq, items] of inDomain) {
    const f = scoreSet(faq, items, verbose);
    right += f.right; dym += f.didYouMean; dymRight += f.didYouMeanWithRight; wrong += f.wrong; total += f.total;
    per.push(`${name} ${f.right}/${f.didYouMean}/${f.wrong}`);
  }
  let invented = 0, declineDym = 0;
  const inv: string[] = [];
  for (const [name, faq, items] of declines) {
    const f = scoreSet(faq, items, verbose);
    invented += f.wrong;
    declineDym += f.didYouMean;
    if (f.wrong) inv.push(`${name}:${f.wrong}`);
  }
  console.log(`${JSON.stringify(GATE)} in-domain ${total}: right ${right} (${((100 * right) / total).toFixed(1)} %), dym ${dym} (right offered ${dymRight}), wrong ${wrong}; invented ${invented}, did-you-mean on declines ${declineDym} [${inv.join(" ")}]`);
  console.log(`   ${per.join(", ")}`);
}
