import { VERBS } from "../cards";
import { t, type Lang } from "../src/i18n";
import { TAB_BACK } from "../src/tab/strings";
import type { Reply } from "./handlers/types";

/**
 * The chat's cards as the tab shows them. The cards are the same; only what makes no sense in a tab
 * changes:
 * - words that tell people to type a command, which they cannot do in a tab, are swapped for the
 *   tab's own wording (`tabPersonal.wording.<chat key>`, pointing at a button or a section of the tab);
 * - the chat's "Menu" button goes (the tab shows its sections side by side), and a "Cancel" that goes
 *   back to the menu in the chat goes back to the section's first card in the tab (TAB_BACK).
 */
export const SWAPS: ReadonlyArray<{ key: string; variants?: ReadonlyArray<Record<string, string>> }> = [
  { key: "form.privacyHint" },
  { key: "interest.section.supportNote" },
  { key: "privacy.notice.rights.text" },
  { key: "privacy.share.change" },
  { key: "privacy.equality.thanks" },
  { key: "secondment.section.yourAdjustmentsText", variants: [{ shared: "yes" }, { shared: "no" }] },
];

const swapsFor = new Map<Lang, [string, string][]>();
function swaps(lang: Lang): [string, string][] {
  let out = swapsFor.get(lang);
  if (!out) {
    out = SWAPS.flatMap(({ key, variants }) => (variants ?? [{}]).map((v): [string, string] => [t(lang, key, v), t(lang, `tabPersonal.wording.${key}`, v)]));
    swapsFor.set(lang, out);
  }
  return out;
}

export function forTab(reply: Reply, lang: Lang): Reply {
  if (reply.kind === "text") return { kind: "text", text: reword(reply.text, lang) };
  const menu = t(lang, "common.menu");
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return reword(node, lang);
    if (Array.isArray(node)) {
      return node
        .filter((n) => !(n && typeof n === "object" && (n as { verb?: unknown }).verb === VERBS.showMenu && (n as { title?: unknown }).title === menu))
        .map(walk);
    }
    if (!node || typeof node !== "object") return node;
    const o = node as Record<string, unknown>;
    const out = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
    if (o["verb"] === VERBS.showMenu) out["verb"] = TAB_BACK;
    return out;
  };
  return { kind: "card", card: walk(reply.card) as typeof reply.card };
}

function reword(text: string, lang: Lang): string {
  let out = text;
  for (const [chat, tab] of swaps(lang)) if (out.includes(chat)) out = out.split(chat).join(tab);
  return out;
}
