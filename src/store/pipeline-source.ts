import type { Container } from "@azure/cosmos";
import type { ApprovalFacts, CheckInFacts, InterestFacts, MatchFacts, PipelineInput, RoleFacts, SecondmentFacts } from "../domain/pipeline";

/**
 * Reads what the pipeline view counts, across partitions, selecting only the fields it needs:
 * statuses, dates, role openings, and for each check-in only whether each side has answered.
 * Never names, details, adjustments, reasons or anything anyone wrote.
 */
export class PipelineSource {
  constructor(
    private readonly people: Container,
    private readonly matches: Container,
    private readonly secondments: Container,
  ) {}

  async read(): Promise<Omit<PipelineInput, "today">> {
    const [interests, approvals, roles, matches, secondments] = await Promise.all([
      rows<InterestRow>(this.people, "SELECT c.pk, c.status, c.submittedAt FROM c WHERE c.type = 'interest'"),
      rows<ApprovalRow>(this.people, "SELECT c.pk, c.status FROM c WHERE c.type = 'approval'"),
      rows<RoleRow>(this.people, "SELECT c.id, c.status, c.details.form.openings AS openings FROM c WHERE c.type = 'role'"),
      rows<MatchRow>(this.matches, "SELECT c.id, c.status, c.confirmedAt, c.closedBy, c.closedNote, c.candidate.key AS candidateKey, c.opening.id AS openingId FROM c WHERE c.type = 'match'"),
      rows<SecondmentRow>(
        this.secondments,
        "SELECT c.matchId, c.status, c.startedAt, c.terms.startDate AS startDate, " +
          "ARRAY(SELECT VALUE { sentAt: ci.sentAt, secondee: IS_DEFINED(ci.answers.secondee), homeManager: IS_DEFINED(ci.answers.homeManager) } FROM ci IN c.checkIns) AS checkIns " +
          "FROM c WHERE c.type = 'secondment'",
      ),
    ]);
    return {
      interests: interests.filter((r) => isText(r.pk) && isText(r.status)).map(
        (r): InterestFacts => ({ personKey: r.pk, status: r.status as InterestFacts["status"], ...(isText(r.submittedAt) ? { submittedAt: r.submittedAt } : {}) }),
      ),
      approvals: approvals.filter((r) => isText(r.pk) && isText(r.status)).map((r): ApprovalFacts => ({ personKey: r.pk, status: r.status as ApprovalFacts["status"] })),
      roles: roles
        .filter((r) => isText(r.status))
        .map((r): RoleFacts => ({ ...(isText(r.id) ? { id: r.id } : {}), status: r.status as RoleFacts["status"], openings: typeof r.openings === "number" ? r.openings : 0 })),
      matches: matches
        .filter((r) => isText(r.id) && isText(r.status))
        .map(
          (r): MatchFacts => ({
            id: r.id,
            candidateKey: isText(r.candidateKey) ? r.candidateKey : "",
            status: r.status as MatchFacts["status"],
            confirmedAt: isText(r.confirmedAt) ? r.confirmedAt : "",
            ...(isText(r.openingId) ? { openingId: r.openingId } : {}),
            ...(isText(r.closedBy) ? { closedBy: r.closedBy as MatchFacts["closedBy"] } : {}),
            ...(isText(r.closedNote) ? { closedNote: r.closedNote as MatchFacts["closedNote"] } : {}),
          }),
        ),
      secondments: secondments
        .filter((r) => isText(r.status))
        .map(
          (r): SecondmentFacts => ({
            matchId: isText(r.matchId) ? r.matchId : "",
            status: r.status as SecondmentFacts["status"],
            ...(isText(r.startedAt) ? { startedAt: r.startedAt } : {}),
            ...(isText(r.startDate) ? { startDate: r.startDate } : {}),
            checkIns: (Array.isArray(r.checkIns) ? r.checkIns : [])
              .filter((c) => isText(c?.sentAt))
              .map((c): CheckInFacts => ({ sentAt: c.sentAt!, answered: { secondee: c.secondee === true, homeManager: c.homeManager === true } })),
          }),
        ),
    };
  }
}

/* What each query gives back; any field may be missing on an odd document, so each is checked. */
interface InterestRow {
  pk: string;
  status: string;
  submittedAt?: string;
}
interface ApprovalRow {
  pk: string;
  status: string;
}
interface RoleRow {
  id?: string;
  status: string;
  openings?: number;
}
interface MatchRow {
  id: string;
  status: string;
  confirmedAt?: string;
  closedBy?: string;
  closedNote?: string;
  candidateKey?: string;
  openingId?: string;
}
interface SecondmentRow {
  matchId?: string;
  status: string;
  startedAt?: string;
  startDate?: string;
  checkIns?: { sentAt?: string; secondee?: boolean; homeManager?: boolean }[];
}

const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0;

async function rows<T>(container: Container, query: string): Promise<T[]> {
  const { resources } = await container.items.query<T>(query).fetchAll();
  return resources;
}
