/**
 * The Programme tab below the pool: what is stuck, outcomes, exports and the audit trail. Words come
 * from the catalogue (tr); figures and names from the server.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { pageColours } from "./host-config";
import { say } from "./page";
import { api, button, el, scrollBox, simpleTable, state, tr, type Json } from "./programme-kit";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export async function stuckSection(): Promise<HTMLElement> {
  const section = el("section", { id: "stuck", "aria-labelledby": "stuck-title" });
  section.appendChild(el("h2", { id: "stuck-title" }, tr("programme.stuck.title")));
  const { json } = await api("GET", "/api/programme/stuck");
  const { table, body } = simpleTable([tr("programme.stuck.what"), tr("programme.stuck.waitingFor"), tr("programme.stuck.since"), tr("programme.stuck.days"), tr("programme.stuck.action")]);
  for (const item of json.items ?? []) {
    const tr_ = body.appendChild(el("tr"));
    tr_.append(el("td", {}, item.title), el("td", {}, item.waitingOn), el("td", {}, item.sinceText), el("td", {}, String(item.days)));
    const cell = tr_.appendChild(el("td"));
    if (item.canRemind)
      cell.appendChild(
        button(tr("programme.stuck.remind"), async () => {
          const r = await api("POST", "/api/programme/stuck/remind", { id: item.id });
          cell.replaceChildren(el("span", {}, r.json.message ?? r.json.error ?? ""));
        }),
      );
  }
  if (!json.items?.length) body.appendChild(el("tr")).appendChild(el("td", { colspan: "5" }, tr("programme.stuck.none")));
  section.appendChild(scrollBox(table));
  return section;
}

/**
 * The funnel as a bar chart, with the same figures in a table. A stage with fewer than 5 people has
 * no bar, and its axis label says "fewer than 5"; when every stage has fewer than 5 there is nothing
 * to draw, so a message stands in for the chart. The exact small count never reaches the page.
 */
function funnelChart(json: Json): HTMLElement {
  if (json.allSuppressed) return el("p", { id: "outcomes-suppressed", class: "suppressed" }, tr("programme.outcomes.allSuppressed"));
  const box = el("div", { class: "chart-box" });
  const figures = json.funnel.map((f: Json) => `${f.label}: ${f.count.label}`).join("; ");
  const canvas = box.appendChild(el("canvas", { role: "img", "aria-label": tr("programme.outcomes.chartLabel", { figures }) }));
  const colours = pageColours(state.theme);
  const labels = json.funnel.map((f: Json) => (f.count.value === null ? tr("programme.outcomes.barSuppressed", { stage: f.label }) : f.label));
  new Chart(canvas, {
    type: "bar",
    data: { labels, datasets: [{ label: tr("programme.outcomes.people"), data: json.funnel.map((f: Json) => f.count.value ?? 0), backgroundColor: colours.accent }] },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      plugins: { tooltip: { callbacks: { label: (ctx) => json.funnel[ctx.dataIndex].count.label } } },
      scales: { x: { ticks: { color: colours.text }, beginAtZero: true }, y: { ticks: { color: colours.text } } },
    },
  });
  return box;
}

export async function outcomesSection(): Promise<HTMLElement> {
  const section = el("section", { id: "outcomes", "aria-labelledby": "outcomes-title" });
  section.appendChild(el("h2", { id: "outcomes-title" }, tr("programme.outcomes.title")));
  const { json } = await api("GET", "/api/programme/outcomes");
  section.appendChild(funnelChart(json));
  const funnel = el("table", { id: "funnel" });
  funnel.appendChild(el("tr")).append(el("th", { scope: "col" }, tr("programme.outcomes.stage")), el("th", { scope: "col" }, tr("programme.outcomes.people")));
  for (const f of json.funnel) funnel.appendChild(el("tr")).append(el("td", {}, f.label), el("td", {}, f.count.label));
  section.appendChild(scrollBox(funnel));
  const medians = (title: string, rows: Json[]) => {
    section.appendChild(el("h3", {}, title));
    const t = el("table");
    t.appendChild(el("tr")).append(...["", tr("programme.outcomes.toRelease"), tr("programme.outcomes.toMatch"), tr("programme.outcomes.toStart")].map((h) => el("th", { scope: "col" }, h)));
    const cell = (c: Json) => (c.days === null ? tr("programme.outcomes.notShown", { people: c.people.label }) : tr("programme.outcomes.median", { days: c.days, people: c.people.label }));
    for (const r of rows) t.appendChild(el("tr")).append(el("th", { scope: "row" }, r.label), el("td", {}, cell(r.toRelease)), el("td", {}, cell(r.toMatch)), el("td", {}, cell(r.toStart)));
    section.appendChild(scrollBox(t));
  };
  medians(tr("programme.outcomes.byOrganisationType"), [json.overall, ...json.byOrganisationType]);
  medians(tr("programme.outcomes.bySecondmentType"), json.bySecondmentType);
  return section;
}

export function exportsSection(): HTMLElement {
  const section = el("section", { id: "exports", "aria-labelledby": "exports-title" });
  section.appendChild(el("h2", { id: "exports-title" }, tr("programme.exports.title")));
  section.appendChild(el("p", {}, tr("programme.exports.intro")));
  for (const name of ["interests", "roles", "matches", "secondments"]) {
    section.appendChild(
      button(tr("programme.exports.download", { name }), async () => {
        const res = await fetch(`/api/programme/export/${name}.csv`, { headers: { authorization: `Bearer ${await state.token()}` } });
        if (!res.ok) return say(tr("programme.exports.failed"), "error");
        const url = URL.createObjectURL(await res.blob());
        const a = el("a", { href: url, download: /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `${name}.csv` });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }),
    );
  }
  return section;
}

export async function auditSection(): Promise<HTMLElement> {
  const section = el("section", { id: "audit", "aria-labelledby": "audit-title" });
  section.appendChild(el("h2", { id: "audit-title" }, tr("programme.audit.title")));
  const { table, body } = simpleTable([tr("programme.audit.when"), tr("programme.audit.who"), tr("programme.audit.what"), tr("programme.audit.about"), tr("programme.audit.detail")]);
  section.appendChild(scrollBox(table));
  const more = el("div", { class: "pager" });
  section.appendChild(more);
  const load = async (cursor?: string) => {
    const { json } = await api("GET", `/api/programme/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
    for (const e of json.entries ?? [])
      body.appendChild(el("tr")).append(
        el("td", {}, e.atText),
        el("td", {}, e.who.name ?? tr("programme.audit.someone")),
        el("td", { "data-action": e.action }, tr(`programme.audit.action.${e.action}`) || e.action),
        el("td", {}, e.subject),
        el("td", {}, e.detail ?? ""),
      );
    more.replaceChildren(...(json.next ? [button(tr("programme.audit.older"), () => void load(json.next))] : []));
  };
  await load();
  return section;
}
