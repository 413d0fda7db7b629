/**
 * The knowledge base in the Programme tab: questions the bot could not answer, with the chat's
 * actions (add as an alternate of an entry, write a new entry), recent changes with undo, and the
 * 👍/👎 counts per entry. Drawn as the tab's own tables; the server runs the same changes as the
 * chat's knowledge base cards.
 */
import { say } from "./page";
import { api, button, el, scrollBox, simpleTable, tr, type Json } from "./programme-kit";

type Refresh = () => Promise<void>;

/** Take away the messages of an earlier try from `where` and the fields in it. */
function clearErrors(where: HTMLElement): void {
  where.querySelectorAll(".kb-error, .field-error").forEach((e) => e.remove());
  where.querySelectorAll("[aria-invalid]").forEach((c) => {
    c.removeAttribute("aria-invalid");
    c.removeAttribute("aria-describedby");
  });
}

/**
 * What was wrong, shown the GOV.UK way: "There is a problem" with every message at the top of
 * `where`, and each message again between its field's label and the field (tied to the field with
 * aria-describedby). A message for a field not on the page is in the summary only.
 */
function showErrors(where: HTMLElement, messages: Record<string, string>, fields: Record<string, HTMLElement>): void {
  const summary = el("div", { class: "status error kb-error error-summary", role: "alert" });
  summary.appendChild(el("p", { class: "error-summary-title" }, tr("programme.kb.problem")));
  const list = summary.appendChild(el("ul"));
  for (const [name, message] of Object.entries(messages)) {
    list.appendChild(el("li", {}, message));
    const control = fields[name];
    if (!control) continue;
    const id = `${name}-error-${Math.random().toString(36).slice(2, 8)}`;
    control.before(el("span", { class: "field-error", id, "data-field": name }, message));
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", id);
  }
  where.prepend(summary);
}

/**
 * After a change: say what happened and draw the section again; or show every field that was
 * wrong, beside its field in `fields` (what was typed stays).
 */
async function act(path: string, body: unknown, refresh: Refresh, where: HTMLElement, fields: Record<string, HTMLElement> = {}): Promise<void> {
  const r = await api("POST", path, body);
  clearErrors(where);
  if (r.status !== 200) {
    const messages: Record<string, string> = r.json.errors ?? { "": r.json.error ?? tr("programme.error.general") };
    showErrors(where, messages, fields);
    return;
  }
  await refresh();
  say(r.json.message ?? "");
}

function questionRow(q: Json, entries: Json[], refresh: Refresh): HTMLTableRowElement {
  const row = el("tr", { "data-question": q.id });
  const asked = el("td", {}, q.text);
  if (q.chosenText) asked.appendChild(el("p", { class: "hint" }, q.chosenText));
  row.append(asked, el("td", {}, tr("programme.kb.askedTimes", { count: q.count })), el("td", {}, q.lastAtText));
  const cell = row.appendChild(el("td", { class: "kb-actions" }));
  const label = el("label", {}, tr("programme.kb.entry"));
  const choose = el("select", { name: "entryId" });
  choose.appendChild(el("option", { value: "" }, tr("programme.kb.chooseEntry")));
  for (const e of entries) choose.appendChild(el("option", { value: e.id }, e.topic));
  // The topic people chose most often after asking it comes already picked.
  if (q.chosen?.[0]) choose.value = q.chosen[0].entryId;
  label.appendChild(choose);
  const form = el("div", { class: "kb-new", hidden: "" });
  const field = (name: string, text: string, tag: "input" | "textarea", value = "") => {
    const l = el("label", {}, text);
    const f = tag === "input" ? el("input", { name, type: "text", value }) : el("textarea", { name, rows: name === "answer" ? "5" : "2", cols: "40" });
    if (tag === "textarea") f.textContent = value;
    l.appendChild(f);
    return l;
  };
  form.append(
    field("question", tr("programme.kb.question"), "textarea", q.text),
    field("topic", tr("programme.kb.topic"), "input"),
    field("answer", tr("programme.kb.answer"), "textarea"),
    el("p", { class: "hint" }, tr("programme.kb.answerHint")),
    button(
      tr("programme.kb.addEntry"),
      () => {
        const control = (n: string) => form.querySelector(`[name="${n}"]`) as HTMLInputElement | HTMLTextAreaElement;
        const fields = { question: control("question"), topic: control("topic"), answer: control("answer") };
        void act("/api/programme/knowledge/answer", { questionId: q.id, question: fields.question.value, topic: fields.topic.value, answer: fields.answer.value }, refresh, form, fields);
      },
      { class: "act primary" },
    ),
  );
  cell.append(
    label,
    button(tr("programme.kb.addAlternate"), () => void act("/api/programme/knowledge/alternate", { questionId: q.id, text: q.text, entryId: choose.value }, refresh, cell, { entryId: choose })),
    button(tr("programme.kb.newEntry"), () => (form.hidden = !form.hidden)),
    form,
  );
  return row;
}

export async function knowledgeSection(): Promise<HTMLElement> {
  const section = el("section", { id: "knowledge", "aria-labelledby": "knowledge-title" });
  const refresh = async () => {
    const { status, json } = await api("GET", "/api/programme/knowledge");
    section.replaceChildren(el("h2", { id: "knowledge-title" }, tr("programme.kb.title")), el("p", {}, tr("programme.kb.intro")));
    if (status !== 200) return void section.appendChild(el("p", { class: "status error" }, json.error ?? tr("programme.error.general")));

    section.appendChild(el("h3", {}, tr("programme.kb.questions")));
    const questions = simpleTable([tr("programme.kb.question"), tr("programme.kb.asked"), tr("programme.kb.lastAsked"), tr("programme.kb.action")], { id: "kb-questions" });
    for (const q of json.questions) questions.body.appendChild(questionRow(q, json.entries, refresh));
    if (!json.questions.length) questions.body.appendChild(el("tr")).appendChild(el("td", { colspan: "4" }, tr("programme.kb.noQuestions")));
    section.appendChild(scrollBox(questions.table));

    section.appendChild(el("h3", {}, tr("programme.kb.changes")));
    const changes = simpleTable([tr("programme.kb.change"), tr("programme.kb.by"), tr("programme.kb.when"), tr("programme.kb.action")], { id: "kb-changes" });
    for (const c of json.changes) {
      const row = changes.body.appendChild(el("tr"));
      const kind = c.kind === "undo" ? c.of : c.kind;
      const what =
        kind === "entry"
          ? tr("programme.kb.change.entry", { topic: c.topic, question: c.question, n: c.n, written: c.written })
          : tr("programme.kb.change.alternate", { text: c.text, topic: c.topic, n: c.n, written: c.written });
      const summary = c.kind === "undo" ? tr("programme.kb.change.undo", { change: what }) : what;
      const cell = el("td");
      if (c.kind !== "undo" && !c.undone) cell.appendChild(button(tr("programme.kb.undo"), () => void act("/api/programme/knowledge/undo", { n: c.n }, refresh, cell)));
      row.append(el("td", {}, summary), el("td", {}, c.by), el("td", {}, c.atText), cell);
    }
    if (!json.changes.length) changes.body.appendChild(el("tr")).appendChild(el("td", { colspan: "4" }, tr("programme.kb.noChanges")));
    section.appendChild(scrollBox(changes.table));

    section.appendChild(el("h3", {}, tr("programme.kb.ratings")));
    const ratings = simpleTable([tr("programme.kb.entryTitle"), tr("programme.kb.helpful"), tr("programme.kb.notHelpful")], { id: "kb-ratings" });
    for (const f of json.feedback) ratings.body.appendChild(el("tr")).append(el("td", {}, f.topic), el("td", {}, String(f.helpful)), el("td", {}, String(f.notHelpful)));
    if (!json.feedback.length) ratings.body.appendChild(el("tr")).appendChild(el("td", { colspan: "3" }, tr("programme.kb.noRatings")));
    section.appendChild(scrollBox(ratings.table));
  };
  await refresh();
  return section;
}
