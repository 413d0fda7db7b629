import type { Container } from "@azure/cosmos";
import { stringify } from "csv-stringify";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseIsoDate } from "../domain/dates";
import { choiceLabel } from "../domain/options";
import { matchesByPerson, matchStage, matchStageLabel, personStage, personStageLabel, roleStage, roleStageLabel, type StageFacts } from "../domain/stage";
import { roleStatusById, takenOpeningsByRole, secondmentStatusByMatch } from "./stage-facts";
import { DEFAULT_LANG, t, type Lang } from "../i18n";
import { readableLeft } from "../privacy/identity";
import { dayLabel, filterOptions, gradeLabel } from "./labels";
import { allPages, pagesOf } from "../store/paged";

/**
 * CSV exports for the programme team: RFC 4180 (csv-stringify), UTF-8 with a byte order mark so
 * Excel reads Welsh letters right, cells that start with = + - @ tab or CR made inert with a leading
 * apostrophe, and streamed: the store is read a page at a time and each row is written as it comes,
 * waiting whenever the reader is slower. Each query names its columns, so reasonable adjustments and
 * other free text are never read, let alone written. Headers and labels are in the team member's
 * language; the columns and their order are the same in every language.
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
/** A calendar day in the reader's language ("7 Rhagfyr 2026"), or "". Instants are cut to their UTC day. */
const date = (v: unknown, lang: Lang): string => {
  const s = str(v).slice(0, 10);
  return parseIsoDate(s) ? dayLabel(lang, s) : "";
};
const SECONDMENT_STATUSES: ReadonlySet<string> = new Set(["agreeing", "confirmed", "active", "ended", "closed", "cancelled"]);

/** Words for one export, in the team member's language: choice labels, grades and statuses. */
class Words {
  private readonly options: ReturnType<typeof filterOptions>;
  constructor(readonly lang: Lang) {
    this.options = filterOptions(lang);
  }
  choice(list: "organisationType" | "region", v: unknown): string {
    return choiceLabel(this.options[list], str(v)) ?? "";
  }
  types(v: unknown): string {
    return (Array.isArray(v) ? v : []).map((id) => choiceLabel(this.options.secondmentType, String(id)) ?? String(id)).join("; ");
  }
  grade(v: unknown): string {
    return str(v) ? gradeLabel(this.lang, str(v)) : "";
  }
  t(key: string): string {
    return t(this.lang, key);
  }
  date(v: unknown): string {
    return date(v, this.lang);
  }
}

interface Sheet {
  /**
   * Column ids, in a fixed order whatever the language (only the header row is translated:
   * "programme.csv.column.<id>"), so a spreadsheet built on one language's export reads another's.
   */
  columns: string[];
  query: string;
  container: (s: ExportSources) => Container;
  /** Small lookups read before the rows (keys and statuses only). */
  prepare?: (s: ExportSources, w: Words) => Promise<(r: Raw) => string[]>;
  row?: (r: Raw, w: Words) => string[];
}

const RELEASE_STATUSES: ReadonlySet<string> = new Set(["pending", "approved", "declined", "unreachable", "cancelled"]);
const MATCH_STATUSES: ReadonlySet<string> = new Set(["notified", "meeting", "agreeing", "closed"]);
/** The stored fields a match's stage is worked out from (src/domain/stage.ts), as read from a row. */
const stageFacts = (r: Raw): StageFacts | undefined =>
  MATCH_STATUSES.has(str(r["status"]))
    ? { status: str(r["status"]) as StageFacts["status"], ...(str(r["closedNote"]) ? { closedNote: str(r["closedNote"]) as StageFacts["closedNote"] } : {}), ...(str(r["closedBy"]) ? { closedBy: str(r["closedBy"]) } : {}) }
    : undefined;

const SHEETS: Record<ExportName, Sheet> = {
  interests: {
    columns: ["name", "organisation", "organisationType", "profession", "grade", "region", "town", "secondmentTypes", "availableFrom", "release", "status", "sentOn"],
    query:
      "SELECT c.pk, c.status, c.submittedAt, c.details.fullName AS name, c.details.organisationName AS org, c.details.organisationType AS orgType, c.details.profession AS profession, " +
      "c.details.grade AS grade, c.details.region AS region, c.details.town AS town, c.details.secondmentTypes AS types, c.details.availableFrom AS availableFrom FROM c WHERE c.type = 'interest'",
    container: (s) => s.people,
    async prepare(s, w) {
      const approvals = new Map((await allPages<Raw>(s.people, "SELECT c.pk, c.status FROM c WHERE c.type = 'approval'", 5000)).map((a) => [str(a["pk"]), str(a["status"])]));
      // Each person's stage comes from their matches, as in the Programme tab's People table.
      const matchRows = await allPages<Raw>(s.matches, "SELECT c.id, c.candidate.key AS candidateKey, c.opening.id AS openingId, c.status FROM c WHERE c.type = 'match'", 5000);
      const [secondmentOf, roleOf] = await Promise.all([secondmentStatusByMatch(s.secondments), roleStatusById(s.people)]);
      const byPerson = matchesByPerson(
        matchRows.flatMap((m) =>
          MATCH_STATUSES.has(str(m["status"])) ? [{ candidateKey: str(m["candidateKey"]), status: str(m["status"]) as StageFacts["status"], secondment: secondmentOf.get(str(m["id"])), role: roleOf.get(str(m["openingId"])) }] : [],
        ),
      );
      return (r) => {
        const release = approvals.get(str(r["pk"])) ?? "";
        return [
          str(r["name"]),
          str(r["org"]),
          w.choice("organisationType", r["orgType"]),
          str(r["profession"]),
          w.grade(r["grade"]),
          w.choice("region", r["region"]),
          str(r["town"]),
          w.types(r["types"]),
          w.date(r["availableFrom"]),
          w.t(`programme.release.${RELEASE_STATUSES.has(release) ? release : "none"}`),
          personStageLabel(w.lang, personStage(str(r["status"]), byPerson.get(str(r["pk"])) ?? [])),
          w.date(r["submittedAt"]),
        ];
      };
    },
  },
  roles: {
    columns: ["title", "organisation", "organisationType", "team", "lowestGrade", "highestGrade", "region", "town", "openings", "secondmentTypes", "starts", "lengthMonths", "status"],
    query:
      "SELECT c.status, c.details.form.title AS title, c.details.form.hostOrganisation AS org, c.details.form.hostOrganisationType AS orgType, c.details.form.team AS team, " +
      "c.details.form.gradeMin AS gradeMin, c.details.form.gradeMax AS gradeMax, c.details.form.region AS region, c.details.form.town AS town, c.details.form.openings AS openings, " +
      "c.details.form.secondmentTypes AS types, c.details.form.startDate AS startDate, c.details.form.durationMonths AS months, c.id FROM c WHERE c.type = 'role'",
    container: (s) => s.people,
    // A role reads "Filled" once its openings are taken by confirmed secondments (roleStage), as in the Roles table and My roles.
    prepare: async (s, w) => ((taken) => (r: Raw) => [
      str(r["title"]),
      str(r["org"]),
      w.choice("organisationType", r["orgType"]),
      str(r["team"]),
      w.grade(r["gradeMin"]),
      w.grade(r["gradeMax"]),
      w.choice("region", r["region"]),
      str(r["town"]),
      str(r["openings"]),
      w.types(r["types"]),
      w.date(r["startDate"]),
      str(r["months"]),
      roleStageLabel(w.lang, roleStage(str(r["status"]), typeof r["openings"] === "number" ? r["openings"] : 1, taken.get(str(r["id"])) ?? 0)),
    ])(await takenOpeningsByRole(s.matches, s.secondments)),
  },
  matches: {
    columns: ["person", "role", "organisation", "status", "confirmedOn", "confirmedBy", "closedOn"],
    query:
      "SELECT c.status, c.candidate.name AS name, c.opening.title AS title, c.opening.organisation AS org, c.opening.id AS openingId, c.confirmedAt, c.confirmedBy.name AS confirmer, c.closedAt, c.closedBy, c.closedNote, c.id FROM c WHERE c.type = 'match'",
    container: (s) => s.matches,
    // A match going ahead reads as its secondment stands (under way, ended); one left open on a withdrawn role, as not going ahead.
    prepare: async (s, w) => ((secondmentOf, roleOf) => (r: Raw) => [
      str(r["name"]),
      str(r["title"]),
      str(r["org"]),
      ((f) => (f ? matchStageLabel(w.lang, matchStage({ ...f, secondment: secondmentOf.get(str(r["id"])), role: roleOf.get(str(r["openingId"])) })) : str(r["status"])))(stageFacts(r)),
      w.date(r["confirmedAt"]),
      str(r["confirmer"]),
      w.date(r["closedAt"]),
    ])(await secondmentStatusByMatch(s.secondments), await roleStatusById(s.people)),
  },
  secondments: {
    // Status in words, in the reader's language (an unknown stored value is shown as it is).
    columns: ["secondee", "role", "hostOrganisation", "homeOrganisation", "status", "starts", "ends", "startedOn", "endedOn"],
    query:
      "SELECT c.status, c.secondee.name AS name, c.opening.title AS title, c.opening.organisation AS org, c.homeOrganisation AS home, c.terms.startDate AS startDate, " +
      "c.terms.endDate AS endDate, c.startedAt, c.endedAt FROM c WHERE c.type = 'secondment'",
    container: (s) => s.secondments,
    row: (r, w) => [
      str(r["name"]),
      str(r["title"]),
      str(r["org"]),
      str(r["home"]),
      SECONDMENT_STATUSES.has(str(r["status"])) ? w.t(`programme.status.secondment.${str(r["status"])}`) : str(r["status"]),
      w.date(r["startDate"]),
      w.date(r["endDate"]),
      w.date(r["startedAt"]),
      w.date(r["endedAt"]),
    ],
  },
};

/** The header row of an export in `lang` (the columns themselves never move). */
export const exportHeader = (name: ExportName, lang: Lang): string[] => SHEETS[name].columns.map((c) => t(lang, `programme.csv.column.${c}`));

export const exportFileName = (name: ExportName, today: string) => `secondments-${name}-${today}.csv`;

/**
 * Write one export to `out` (an HTTP response, a file): the CSV goes out as the store's pages come
 * in. Resolves with the number of rows once everything is written; `out` is ended.
 */
export async function writeExport(name: ExportName, sources: ExportSources, out: Writable, pageSize = 2_500, lang: Lang = DEFAULT_LANG): Promise<number> {
  const sheet = SHEETS[name];
  const words = new Words(lang);
  const toRow = sheet.prepare ? await sheet.prepare(sources, words) : (r: Raw) => sheet.row!(r, words);
  let rows = 0;
  async function* records(): AsyncGenerator<string[]> {
    for await (const page of pagesOf<Raw>(sheet.container(sources), sheet.query, pageSize)) {
      for (const r of page) {
        rows++;
        // A person erased from the programme is a marker in stored records: named in the reader's language.
        yield toRow(r).map((cell) => readableLeft(cell, lang));
      }
    }
  }
  // pipeline waits whenever the reader is slower, and stops reading the store if the reader goes away.
  await pipeline(
    Readable.from(records()),
    stringify({ bom: true, header: true, columns: exportHeader(name, lang), escape_formulas: true, record_delimiter: "windows" }),
    out,
  );
  return rows;
}
