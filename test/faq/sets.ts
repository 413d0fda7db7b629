import { IN_DOMAIN, NOT_COVERED_SET, OFF_TOPIC } from "./eval-set";
import { WELSH_IN_DOMAIN, WELSH_OFF_TOPIC } from "./eval-set-cy";
import { HELD_OUT_IN_DOMAIN, HELD_OUT_NOT_COVERED, HELD_OUT_OFF_TOPIC } from "./held-out-set";
import { FRESH_IN_DOMAIN, FRESH_IN_DOMAIN_CY, FRESH_NOT_COVERED, FRESH_OFF_TOPIC, FRESH_OFF_TOPIC_CY } from "./fresh-set";
import { BLIND_IN_DOMAIN, BLIND_IN_DOMAIN_CY, BLIND_NOT_COVERED, BLIND_OFF_TOPIC, BLIND_OFF_TOPIC_CY } from "./blind-set";
import { BLIND2_IN_DOMAIN, BLIND2_IN_DOMAIN_CY, BLIND2_NOT_COVERED, BLIND2_OFF_TOPIC, BLIND2_OFF_TOPIC_CY } from "./blind2-set";
import { BLIND3_IN_DOMAIN, BLIND3_IN_DOMAIN_CY, BLIND3_NOT_COVERED, BLIND3_OFF_TOPIC, BLIND3_OFF_TOPIC_CY } from "./blind3-set";
import { BLIND4_IN_DOMAIN, BLIND4_IN_DOMAIN_CY, BLIND4_NOT_COVERED, BLIND4_OFF_TOPIC, BLIND4_OFF_TOPIC_CY } from "./blind4-set";
import { BLIND5_IN_DOMAIN, BLIND5_IN_DOMAIN_CY, BLIND5_NOT_COVERED, BLIND5_OFF_TOPIC, BLIND5_OFF_TOPIC_CY } from "./blind5-set";
import { BLIND6_IN_DOMAIN, BLIND6_IN_DOMAIN_CY, BLIND6_NOT_COVERED, BLIND6_OFF_TOPIC, BLIND6_OFF_TOPIC_CY } from "./blind6-set";
import { BLIND7_IN_DOMAIN, BLIND7_IN_DOMAIN_CY, BLIND7_NOT_COVERED, BLIND7_OFF_TOPIC, BLIND7_OFF_TOPIC_CY } from "./blind7-set";
import { BLIND8_IN_DOMAIN, BLIND8_IN_DOMAIN_CY, BLIND8_NOT_COVERED, BLIND8_OFF_TOPIC, BLIND8_OFF_TOPIC_CY } from "./blind8-set";

/** Labelled questions: an entry id, or undefined for a question that must not be answered. */
export type Labelled = ReadonlyArray<readonly [string, string | undefined]>;

/**
 * One labelled set of FAQ questions (docs/faq-evaluation.md): English and Welsh questions the
 * knowledge base answers, and questions it must decline (off-topic, or about secondments but not
 * covered by the programme's material).
 */
export interface FaqSet {
  /** What the bench's rows start with ("" for the evaluation set). */
  name: string;
  /** What the invented-answer count calls it. */
  label: string;
  /**
   * Written blind and not yet tuned on: measured once, then it becomes a development set (set this
   * to false when the next round of tuning starts). The gate bench leaves blind sets out.
   */
  blind: boolean;
  inDomain?: Labelled;
  offTopic?: readonly string[];
  notCovered?: readonly string[];
  inDomainCy?: Labelled;
  offTopicCy?: readonly string[];
}

/** Every set, oldest first; the newest blind set last. */
export const FAQ_SETS: readonly FaqSet[] = [
  // The set the thresholds were tuned on, in English and Welsh.
  { name: "", label: "evaluation", blind: false, inDomain: IN_DOMAIN, offTopic: OFF_TOPIC, notCovered: NOT_COVERED_SET, inDomainCy: WELSH_IN_DOMAIN, offTopicCy: WELSH_OFF_TOPIC },
  // Held out at first; a development set since the second round.
  { name: "held-out", label: "held-out", blind: false, inDomain: HELD_OUT_IN_DOMAIN, offTopic: HELD_OUT_OFF_TOPIC, notCovered: HELD_OUT_NOT_COVERED },
  // Written without seeing the alternates, the search code or the other sets; development since round 2.
  { name: "fresh", label: "fresh", blind: false, inDomain: FRESH_IN_DOMAIN, offTopic: FRESH_OFF_TOPIC, notCovered: FRESH_NOT_COVERED, inDomainCy: FRESH_IN_DOMAIN_CY, offTopicCy: FRESH_OFF_TOPIC_CY },
  // Each blind set: written without seeing how the bot answers, measured once after a round of
  // tuning, and a development set from the next round on.
  { name: "blind", label: "blind", blind: false, inDomain: BLIND_IN_DOMAIN, offTopic: BLIND_OFF_TOPIC, notCovered: BLIND_NOT_COVERED, inDomainCy: BLIND_IN_DOMAIN_CY, offTopicCy: BLIND_OFF_TOPIC_CY },
  { name: "blind 2", label: "blind 2", blind: false, inDomain: BLIND2_IN_DOMAIN, offTopic: BLIND2_OFF_TOPIC, notCovered: BLIND2_NOT_COVERED, inDomainCy: BLIND2_IN_DOMAIN_CY, offTopicCy: BLIND2_OFF_TOPIC_CY },
  { name: "blind 3", label: "blind 3", blind: false, inDomain: BLIND3_IN_DOMAIN, offTopic: BLIND3_OFF_TOPIC, notCovered: BLIND3_NOT_COVERED, inDomainCy: BLIND3_IN_DOMAIN_CY, offTopicCy: BLIND3_OFF_TOPIC_CY },
  { name: "blind 4", label: "blind 4", blind: false, inDomain: BLIND4_IN_DOMAIN, offTopic: BLIND4_OFF_TOPIC, notCovered: BLIND4_NOT_COVERED, inDomainCy: BLIND4_IN_DOMAIN_CY, offTopicCy: BLIND4_OFF_TOPIC_CY },
  // Measured once after the sixth round (7 December 2026); a development set from the seventh.
  { name: "blind 5", label: "blind 5", blind: false, inDomain: BLIND5_IN_DOMAIN, offTopic: BLIND5_OFF_TOPIC, notCovered: BLIND5_NOT_COVERED, inDomainCy: BLIND5_IN_DOMAIN_CY, offTopicCy: BLIND5_OFF_TOPIC_CY },
  // Written blind on 7 December 2026 (sixth set), measured once after the seventh round; a development
  // set from the eighth.
  { name: "blind 6", label: "blind 6", blind: false, inDomain: BLIND6_IN_DOMAIN, offTopic: BLIND6_OFF_TOPIC, notCovered: BLIND6_NOT_COVERED, inDomainCy: BLIND6_IN_DOMAIN_CY, offTopicCy: BLIND6_OFF_TOPIC_CY },
  // Written blind on 7 December 2026 (seventh set), measured once after the eighth round; never tuned on yet.
  { name: "blind 7", label: "blind 7", blind: true, inDomain: BLIND7_IN_DOMAIN, offTopic: BLIND7_OFF_TOPIC, notCovered: BLIND7_NOT_COVERED, inDomainCy: BLIND7_IN_DOMAIN_CY, offTopicCy: BLIND7_OFF_TOPIC_CY },
  // Written blind on 7 December 2026 (eighth set); never measured or tuned on yet.
  { name: "blind 8", label: "blind 8", blind: true, inDomain: BLIND8_IN_DOMAIN, offTopic: BLIND8_OFF_TOPIC, notCovered: BLIND8_NOT_COVERED, inDomainCy: BLIND8_IN_DOMAIN_CY, offTopicCy: BLIND8_OFF_TOPIC_CY },
];

/** The parts of a set, each a row of the bench: its name, language and labelled questions. */
export function setParts(set: FaqSet): Array<{ row: string; welsh: boolean; decline: boolean; items: Labelled }> {
  const none = (qs: readonly string[]) => qs.map((q) => [q, undefined] as const);
  const row = (part: string) => (set.name ? `${set.name} ${part}` : part);
  const parts: Array<{ row: string; welsh: boolean; decline: boolean; items: Labelled }> = [];
  if (set.inDomain) parts.push({ row: row("in-domain"), welsh: false, decline: false, items: set.inDomain });
  if (set.offTopic) parts.push({ row: row("off-topic"), welsh: false, decline: true, items: none(set.offTopic) });
  if (set.notCovered) parts.push({ row: row("not covered"), welsh: false, decline: true, items: none(set.notCovered) });
  if (set.inDomainCy) parts.push({ row: row("Welsh in-domain"), welsh: true, decline: false, items: set.inDomainCy });
  if (set.offTopicCy) parts.push({ row: row("Welsh off-topic"), welsh: true, decline: true, items: none(set.offTopicCy) });
  return parts;
}
