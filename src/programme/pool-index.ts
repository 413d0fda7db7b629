import type { Container } from "@azure/cosmos";
import MiniSearch from "minisearch";
import type { ApprovalStatus } from "../domain/approval";
import type { MatchStatus } from "../domain/match";
import type { SecondmentStatus } from "../domain/secondment";
import { matchesByPerson, personStage, roleStage, takenByRole, type PersonStage, type RoleStage } from "../domain/stage";
import { SKILLS } from "../domain/skills";
import { channelLabel } from "../domain/role-record";
import { DEFAULT_LANG, LANGS, t } from "../i18n";
import type { ChangeLog } from "../store/changes";
import { allPages } from "../store/paged";

/**
 * The programme team's view of the pool: interests and roles as table rows, with the facts the
 * outcomes need. Read from the store page by page (continuation tokens) with projections that name
 * only the fields shown, so reasonable adjustments and other free text are never read.
 *
 * The local store answers every query with a full scan (about 0.1 s per page at 25,000 items), so filtering,
 * sorting and searching run over an in-memory copy kept per app instance, rebuilt when it is older
 * than maxAgeMs or when this instance changed something. Measured in scripts/bench-programme.ts.
 * Pages are large because the local store scans everything again for each page.
 */

/** A person's stage (src/domain/stage.ts: the CSV export and the chat read it there too). */
export type PoolStatus = PersonStage;
export type RoleStatus = RoleStage;

export interface InterestRow {
  key: string;
  name: string;
  organisationType: string;
  organisation: string;
  profession: string;
  grade: string;
  region: string;
  town: string;
  secondmentTypes: string[];
  availableFrom: string;
  release: ApprovalStatus | "none";
  status: PoolStatus;
  skills: string;
  submittedAt: string;
}

export interface RoleRow {
  id: string;
  ownerKey: string;
  title: string;
  organisationType: string;
  organisation: string;
  team: string;
  gradeMin: string;
  gradeMax: string;
  region: string;
  town: string;
  openings: number;
  channel: string;
  secondmentTypes: string[];
  startDate: string;
  status: RoleStatus;
  skills: string;
  submittedAt: string;
}

export interface ApprovalFact {
  personKey: string;
  status: ApprovalStatus;
  requestedAt?: string;
  decidedAt?: string;
}

export interface MatchFact {
  id: string;
  candidateKey: string;
  openingId: string;
  status: MatchStatus;
  confirmedAt: string;
  arranged: boolean;
  closedBy?: string;
  /** The status of the secondment the match led to, if any (its stage reads from it). */
  secondment?: SecondmentStatus;
  /** The stored status of the role it is for (a match left open on a withdrawn role reads as not going ahead). */
  role?: string;
}

export interface SecondmentFact {
  matchId: string;
  status: SecondmentStatus;
  startedAt?: string;
  startDate?: string;
}

export interface PoolSnapshot {
  version: number;
  builtAt: number;
  interests: InterestRow[];
  roles: RoleRow[];
  approvals: ApprovalFact[];
  matches: MatchFact[];
  secondments: SecondmentFact[];
  interestSearch: MiniSearch<InterestRow>;
  roleSearch: MiniSearch<RoleRow>;
}

/** A curated skill as searched: its name in every language, so a search in Welsh or English finds it. */
const SKILL_LABEL = new Map<string, string>(SKILLS.map((s) => [s.id, LANGS.map((lang) => t(lang, `choice.skill.${s.id}`)).join(" ")]));
const skillText = (s: unknown): string => {
  const set = s as { ids?: unknown; other?: unknown } | undefined;
  const ids = Array.isArray(set?.ids) ? set.ids.filter((x): x is string => typeof x === "string") : [];
  const other = Array.isArray(set?.other) ? set.other.filter((x): x is string => typeof x === "string") : [];
  return [...ids.map((id) => SKILL_LABEL.get(id) ?? id), ...other].join(", ");
};
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

// Only the fields shown or counted. Never c.details.adjustments, patternDetails or anything written freely but skills.
const INTERESTS =
  "SELECT c.pk, c.status, c.submittedAt, c.details.fullName AS name, c.details.organisationType AS orgType, c.details.organisationName AS org, " +
  "c.details.profession AS profession, c.details.grade AS grade, c.details.region AS region, c.details.town AS town, c.details.secondmentTypes AS types, " +
  "c.details.availableFrom AS availableFrom, c.details.skillsOffered AS skills FROM c WHERE c.type = 'interest'";
const ROLES =
  "SELECT c.id, c.pk, c.status, c.submittedAt, c.details.form.title AS title, c.details.form.hostOrganisationType AS orgType, c.details.form.hostOrganisation AS org, " +
  "c.details.form.team AS team, c.details.form.gradeMin AS gradeMin, c.details.form.gradeMax AS gradeMax, c.details.form.region AS region, c.details.form.town AS town, " +
  "c.details.form.openings AS openings, c.details.form.secondmentTypes AS types, c.details.form.startDate AS startDate, c.details.form.requiredSkills AS skills, " +
  "c.details.channel.teamName AS teamName, c.details.channel.channelName AS channelName, c.details.channel.general AS general FROM c WHERE c.type = 'role'";
const APPROVALS = "SELECT c.pk, c.status, c.requestedAt, c.decidedAt FROM c WHERE c.type = 'approval'";
const MATCHES =
  "SELECT c.id, c.status, c.confirmedAt, c.closedBy, c.candidate.key AS candidateKey, c.opening.id AS openingId, IS_DEFINED(c.arrangedBy) AS arranged FROM c WHERE c.type = 'match'";
const SECONDMENTS = "SELECT c.matchId, c.status, c.startedAt, c.terms.startDate AS startDate FROM c WHERE c.type = 'secondment'";

type Raw = Record<string, unknown>;

/** Build a snapshot from the store (pure apart from the reads). */
export async function readSnapshot(people: Container, matchesC: Container, secondmentsC: Container, version: number, pageSize = 10_000): Promise<PoolSnapshot> {
  const [interestRaw, roleRaw, approvalRaw, matchRaw, secondmentRaw] = await Promise.all([
    allPages<Raw>(people, INTERESTS, pageSize),
    allPages<Raw>(people, ROLES, pageSize),
    allPages<Raw>(people, APPROVALS, pageSize),
    allPages<Raw>(matchesC, MATCHES, pageSize),
    allPages<Raw>(secondmentsC, SECONDMENTS, pageSize),
  ]);
  const approvals: ApprovalFact[] = approvalRaw
    .filter((r) => str(r["pk"]) && str(r["status"]))
    .map((r) => ({
      personKey: str(r["pk"]),
      status: str(r["status"]) as ApprovalStatus,
      ...(str(r["requestedAt"]) ? { requestedAt: str(r["requestedAt"]) } : {}),
      ...(str(r["decidedAt"]) ? { decidedAt: str(r["decidedAt"]) } : {}),
    }));
  const matches: MatchFact[] = matchRaw
    .filter((r) => str(r["id"]) && str(r["status"]))
    .map((r) => ({
      id: str(r["id"]),
      candidateKey: str(r["candidateKey"]),
      openingId: str(r["openingId"]),
      status: str(r["status"]) as MatchStatus,
      confirmedAt: str(r["confirmedAt"]),
      arranged: r["arranged"] === true,
      ...(str(r["closedBy"]) ? { closedBy: str(r["closedBy"]) } : {}),
    }));
  const secondments: SecondmentFact[] = secondmentRaw
    .filter((r) => str(r["status"]))
    .map((r) => ({
      matchId: str(r["matchId"]),
      status: str(r["status"]) as SecondmentStatus,
      ...(str(r["startedAt"]) ? { startedAt: str(r["startedAt"]) } : {}),
      ...(str(r["startDate"]) ? { startDate: str(r["startDate"]) } : {}),
    }));

  const releaseOf = new Map(approvals.map((a) => [a.personKey, a.status]));
  const secondmentOf = new Map(secondments.map((x) => [x.matchId, x.status]));
  // A match left open on a withdrawn role (from before withdrawing ended them) reads as not going ahead.
  const roleOf = new Map(roleRaw.map((r) => [str(r["id"]), str(r["status"])]));
  for (const m of matches) {
    const status = secondmentOf.get(m.id);
    if (status) m.secondment = status;
    const role = roleOf.get(m.openingId);
    if (role) m.role = role;
  }
  const byPerson = matchesByPerson(matches);
  const taken = takenByRole(matches);

  const interests: InterestRow[] = interestRaw
    .filter((r) => str(r["pk"]) && (r["status"] === "submitted" || r["status"] === "withdrawn"))
    .map((r) => ({
      key: str(r["pk"]),
      name: str(r["name"]),
      organisationType: str(r["orgType"]),
      organisation: str(r["org"]),
      profession: str(r["profession"]),
      grade: str(r["grade"]),
      region: str(r["region"]),
      town: str(r["town"]),
      secondmentTypes: strs(r["types"]),
      availableFrom: str(r["availableFrom"]),
      release: releaseOf.get(str(r["pk"])) ?? "none",
      status: personStage(str(r["status"]), byPerson.get(str(r["pk"])) ?? []),
      skills: skillText(r["skills"]),
      submittedAt: str(r["submittedAt"]),
    }));
  const roles: RoleRow[] = roleRaw
    .filter((r) => str(r["id"]) && (r["status"] === "submitted" || r["status"] === "withdrawn"))
    .map((r) => {
      const openings = typeof r["openings"] === "number" ? r["openings"] : 1;
      const channel = channelLabel(
        { conversationId: "", ...(str(r["teamName"]) ? { teamName: str(r["teamName"]) } : {}), ...(str(r["channelName"]) ? { channelName: str(r["channelName"]) } : {}), ...(r["general"] === true ? { general: true as const } : {}) },
        DEFAULT_LANG,
        "A team channel",
      );
      return {
        id: str(r["id"]),
        ownerKey: str(r["pk"]),
        title: str(r["title"]),
        organisationType: str(r["orgType"]),
        organisation: str(r["org"]),
        team: str(r["team"]),
        gradeMin: str(r["gradeMin"]),
        gradeMax: str(r["gradeMax"]),
        region: str(r["region"]),
        town: str(r["town"]),
        openings,
        channel,
        secondmentTypes: strs(r["types"]),
        startDate: str(r["startDate"]),
        status: roleStage(str(r["status"]), openings, taken.get(str(r["id"])) ?? 0),
        skills: skillText(r["skills"]),
        submittedAt: str(r["submittedAt"]),
      };
    });

  return snapshotFrom({ interests, roles, approvals, matches, secondments }, version);
}

/** A snapshot of rows already read: adds the search indexes (names, skills, titles and the like). */
export function snapshotFrom(rows: Pick<PoolSnapshot, "interests" | "roles" | "approvals" | "matches" | "secondments">, version: number): PoolSnapshot {
  const interestSearch = new MiniSearch<InterestRow>({ idField: "key", fields: ["name", "skills", "profession", "organisation", "town"], searchOptions: { prefix: true, fuzzy: 0.15, combineWith: "AND" } });
  interestSearch.addAll(rows.interests);
  const roleSearch = new MiniSearch<RoleRow>({ idField: "id", fields: ["title", "skills", "organisation", "team", "town"], searchOptions: { prefix: true, fuzzy: 0.15, combineWith: "AND" } });
  roleSearch.addAll(rows.roles);
  return { ...rows, version, builtAt: Date.now(), interestSearch, roleSearch };
}

/**
 * One per app instance: hands out the current snapshot, rebuilding it (once, however many callers
 * wait) when it is older than maxAgeMs or was invalidated by a change this instance made.
 */
export class PoolIndex {
  private current: PoolSnapshot | undefined;
  private building: Promise<PoolSnapshot> | undefined;
  private stale = true;
  private version = 0;
  /** The newest change marker the current copy includes: its time (store seconds) and the markers of that second. */
  private seen: { ts: number; ids: Set<string> } = { ts: 0, ids: new Set() };

  /**
   * `changes`: the change markers every write of an interest, role, release or match leaves (as
   * matching reads them), so a change made anywhere (a button in chat, another instance) shows in
   * the tables at once rather than when the copy is next too old.
   */
  constructor(
    private readonly people: Container,
    private readonly matches: Container,
    private readonly secondments: Container,
    private readonly maxAgeMs = 60_000,
    private readonly changes?: ChangeLog,
  ) {}

  /** Something changed here: the next read rebuilds. */
  invalidate(): void {
    this.stale = true;
  }

  /** Markers newer than the current copy: something changed since it was read. */
  private async changedSince(): Promise<boolean> {
    if (!this.changes) return false;
    return (await this.changes.since(this.seen.ts)).some((m) => m._ts > this.seen.ts || !this.seen.ids.has(m.id));
  }

  /** Note the markers there are now, before reading: a change after this shows as a newer marker. */
  private async noteMarkers(): Promise<void> {
    if (!this.changes) return;
    const markers = await this.changes.since(this.seen.ts);
    const ts = Math.max(this.seen.ts, ...markers.map((m) => m._ts));
    const ids = new Set(markers.filter((m) => m._ts === ts).map((m) => m.id));
    this.seen = { ts, ids: ts === this.seen.ts ? new Set([...this.seen.ids, ...ids]) : ids };
  }

  async snapshot(): Promise<PoolSnapshot> {
    const fresh = this.current && !this.stale && Date.now() - this.current.builtAt < this.maxAgeMs && !(await this.changedSince());
    if (fresh) return this.current!;
    if (!this.building) {
      this.stale = false;
      const version = ++this.version;
      this.building = this.noteMarkers()
        .then(() => readSnapshot(this.people, this.matches, this.secondments, version))
        .then((snap) => {
          this.current = snap;
          return snap;
        })
        .finally(() => {
          this.building = undefined;
        });
    }
    return this.building;
  }
}
