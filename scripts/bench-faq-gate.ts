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
import { FAQ_SETS, setParts, type Labelled } from "../test/faq/sets";

const en = createFaq();
const cy = welshFaq();
// Development sets only: a blind set is measured once by bench-faq.ts and never tuned on.
const parts = FAQ_SETS.filter((set) => !set.blind).flatMap((set) => setParts(set).map((p) => ({ ...p, faq: p.welsh ? cy : en })));
const inDomain: Array<[string, Faq, Labelled]> = parts.filter((p) => !p.decline).map((p) => [p.row, p.faq, p.items]);
const declines: Array<[string, Faq, Labelled]> = parts.filter((p) => p.decline).map((p) => [p.row, p.faq, p.items]);
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
