import { el, tr } from "./programme-kit";

/** The knowledge base the programme team keeps (issue 15 part 4). */
export async function knowledgeSection(): Promise<HTMLElement> {
  const section = el("section", { id: "knowledge", "aria-labelledby": "knowledge-title" });
  section.appendChild(el("h2", { id: "knowledge-title" }, tr("programme.kb.title")));
  return section;
}
