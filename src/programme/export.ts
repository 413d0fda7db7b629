import type { Container } from "@azure/cosmos";
import { stringify } from "csv-stringify";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatUkDate, parseIsoDate } from "../domain/dates";
import { gradeById } from "../domain/grades";
import { choiceLabel, ORGANISATION_TYPES, REGIONS, SECONDMENT_TYPES } from "../domain/options";
import { allPages, pagesOf } from "../store/paged";

/**
 * CSV exports for the programme team: RFC 4180 (csv-stringify), UTF-8 with a byte order mark so
 * Excel reads Welsh letters right, cells that start with = + - @ tab or CR made inert with a leading
 * apostrophe, and streamed: the store is read a page at a time and each row is written as it comes,
 * waiting whenever the reader is slower. Each query names its columns, so reasonable adjustments and
 * other free text are never read, let alone written.
 */

export const EXPORTS = ["interests", "roles", "matches", "secondments"] as const;
export type ExportName = (typeof EXPORTS)[number];

export interface ExportSources {
  people: Container;
  matches: Container;
  secondments: Container;
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const date = (v: unknown): string => {
  const s = str(v).slice(0, 10);
  return parseIsoDate(s) ? formatUkDate(s) : "";
};
const labels = (list: readonly { id: string; label: string }[], v: unknown) =>
  (Array.isArray(v) ? v : []).map((id) => choiceLabel(list, String(id)) ?? String(id)).join("; ");
const grade = (v: unknown) => gradeById(str(v))?.label ?? str(v);

interface Sheet {
  header: string[];
  query: string;
  container: (s: ExportSources) => Container;
  /** Small lookups read before the rows (keys and statuses only). */
  prepare?: (s: ExportSources) => Promise<(r: Raw) => string[]>;
  row?: (r: Raw) => string[];
}

const RELEASE: Record<string, string> = { pending: "Waiting for line manager", approved: "Released", declined: "Not released", unreachable: "Line manager not reachable", cancelled: "Request cancelled" };
const MATCH: Record<string, string> = { notified: "Suggested", meeting: "Meeting being arranged", agreeing: "Going ahead", closed: "Not going ahead" };

const SHEETS: Record<ExportName, Sheet> = {
  interests: {
    header: ["Name", "Organisation", "Organisation type", "Profession", "Grade", "Region", "Town", "Types of secondment", "Available from", "Release", "Status", "Sent on"],
    query:
      "SELECT c.pk, c.status, c.submittedAt, c.details.fullName AS name, c.details.organisationName AS org, c.details.organisationType AS orgType, c.details.profession AS profession, " +
      "c.details.grade AS grade, c.details.region AS region, c.details.town AS town, c.details.secondmentTypes AS types, c.details.availableFrom AS availableFrom FROM c WHERE c.type = 'interest'",
    container: (s) => s.people,
    async prepare(s) {
      const approvals = new Map((await allPages<Raw>(s.people, "SELECT c.pk, c.status FROM c WHERE c.type = 'approval'", 5000)).map((a) => [str(a["pk"]), str(a["status"])]));
      return (r) => [
        str(r["name"]),
        str(r["org"]),
        choiceLabel(ORGANISATION_TYPES, str(r["orgType"])) ?? "",
        str(r["profession"]),
        grade(r["grade"]),
        choiceLabel(REGIONS, str(r["region"])) ?? "",
        str(r["town"]),
        labels(SECONDMENT_TYPES, r["types"]),
        date(r["availableFrom"]),
        RELEASE[approvals.get(str(r["pk"])) ?? ""] ?? "No request",
        r["status"] === "withdrawn" ? "Withdrawn" : "In the pool",
        date(r["submittedAt"]),
      ];
    },
  },
  roles: {
    header: ["Title", "Organisation", "Organisation type", "Team", "Lowest grade", "Highest grade", "Region", "Town", "Openings", "Types of secondment", "Starts", "Length (months)", "Status"],
    query:
      "SELECT c.status, c.details.form.title AS title, c.details.form.hostOrganisation AS org, c.details.form.hostOrganisationType AS orgType, c.details.form.team AS team, " +
      "c.details.form.gradeMin AS gradeMin, c.details.form.gradeMax AS gradeMax, c.details.form.region AS region, c.details.form.town AS town, c.details.form.openings AS openings, " +
      "c.details.form.secondmentTypes AS types, c.details.form.startDate AS startDate, c.details.form.durationMonths AS months FROM c WHERE c.type = 'role'",
    container: (s) => s.people,
    row: (r) => [
      str(r["title"]),
      str(r["org"]),
      choiceLabel(ORGANISATION_TYPES, str(r["orgType"])) ?? "",
      str(r["team"]),
      grade(r["gradeMin"]),
      grade(r["gradeMax"]),
      choiceLabel(REGIONS, str(r["region"])) ?? "",
      str(r["town"]),
      str(r["openings"]),
      labels(SECONDMENT_TYPES, r["types"]),
      date(r["startDate"]),
      str(r["months"]),
      r["status"] === "withdrawn" ? "Withdrawn" : "Open",
    ],
  },
  matches: {
    header: ["Person", "Role", "Organisation", "Status", "Confirmed on", "Confirmed by", "Closed on"],
    query:
      "SELECT c.status, c.candidate.name AS name, c.opening.title AS title, c.opening.organisation AS org, c.confirmedAt, c.confirmedBy.name AS confirmer, c.closedAt, c.closedBy FROM c WHERE c.type = 'match'",
    container: (s) => s.matches,
    row: (r) => [
      str(r["name"]),
      str(r["title"]),
      str(r["org"]),
      r["status"] === "closed" && r["closedBy"] === "programme-team" ? "Not suitable (programme team)" : (MATCH[str(r["status"])] ?? str(r["status"])),
      date(r["confirmedAt"]),
      str(r["confirmer"]),
      date(r["closedAt"]),
    ],
  },
  secondments: {
    header: ["Secondee", "Role", "Host organisation", "Home organisation", "Status", "Starts", "Ends", "Started on", "Ended on"],
    query:
      "SELECT c.status, c.secondee.name AS name, c.opening.title AS title, c.opening.organisation AS org, c.homeOrganisation AS home, c.terms.startDate AS startDate, " +
      "c.terms.endDate AS endDate, c.startedAt, c.endedAt FROM c WHERE c.type = 'secondment'",
    container: (s) => s.secondments,
    row: (r) => [str(r["name"]), str(r["title"]), str(r["org"]), str(r["home"]), str(r["status"]), date(r["startDate"]), date(r["endDate"]), date(r["startedAt"]), date(r["endedAt"])],
  },
};

export const exportFileName = (name: ExportName, today: string) => `secondments-${name}-${today}.csv`;

/**
 * Write one export to `out` (an HTTP response, a file): the CSV goes out as the store's pages come
 * in. Resolves with the number of rows once everything is written; `out` is ended.
 */
export async function writeExport(name: ExportName, sources: ExportSources, out: Writable, pageSize = 2_500): Promise<number> {
  const sheet = SHEETS[name];
  const toRow = sheet.prepare ? await sheet.prepare(sources) : sheet.row!;
  let rows = 0;
  async function* records(): AsyncGenerator<string[]> {
    for await (const page of pagesOf<Raw>(sheet.container(sources), sheet.query, pageSize)) {
      for (const r of page) {
        rows++;
        yield toRow(r);
      }
    }
  }
  // pipeline waits whenever the reader is slower, and stops reading the store if the reader goes away.
  await pipeline(
    Readable.from(records()),
    stringify({ bom: true, header: true, columns: sheet.header, escape_formulas: true, record_delimiter: "windows" }),
    out,
  );
  return rows;
}
