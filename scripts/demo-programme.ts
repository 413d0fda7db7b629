/**
 * A small, made-up demo programme for `npm run dev -- --demo`: 30 expressions of interest and 8
 * roles at different stages (released, waiting for a line manager, withdrawn; roles open (one with a match agreeing the details, "filled"
 * for matching), withdrawn) and two matches, so matching and the pipeline have something to show.
 *
 * Everything goes through the app's own validators, pure transitions and stores, as if people had
 * sent the forms. Every id is fixed, so running it again adds nothing. Every person is fictional
 * (example.gov.uk addresses, Entra ids beginning de30de30-).
 */
import { decide, newApproval } from "../src/domain/approval";
import { addMonths, todayInLondon } from "../src/domain/dates";
import { validateInterest, type InterestDetails } from "../src/domain/interest";
import { matchId, type Match } from "../src/domain/match";
import { personKey, type PersonId } from "../src/domain/person";
import { validateRole } from "../src/domain/role";
import type { RoleRecordDetails } from "../src/domain/role-record";
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID, demoGuid } from "../src/demo/people";
import { ApprovalStore } from "../src/store/approvals";
import { MatchStore } from "../src/store/matches";
import { FormRecordStore, INTEREST_ID } from "../src/store/records";
import type { Store } from "../src/store/store";

const guid = demoGuid;

const FIRST = ["Aisha", "Callum", "Dafydd", "Eilidh", "Farah", "Gareth", "Hannah", "Imran", "Jasmine", "Kwame", "Laura", "Mohammed", "Niamh", "Oliver", "Parveen", "Rhys", "Siobhan", "Tariq", "Usha", "Victor", "Wendy", "Xavier", "Yasmin", "Zak", "Bethan", "Connor", "Deepa", "Euan", "Fiona", "Hamza"];
const LAST = ["Demo", "Example", "Sample", "Testwell", "Madeup"];
const REGIONS = ["north-east", "north-west", "yorkshire-and-the-humber", "east-midlands", "west-midlands", "london", "south-west", "wales", "scotland", "east-of-england"];
const TOWNS = ["Newcastle", "Manchester", "Leeds", "Nottingham", "Birmingham", "London", "Bristol", "Cardiff", "Glasgow", "Cambridge"];
const GRADES = ["cs-eo", "cs-heo", "cs-seo", "cs-g7", "lg-so1-so2", "lg-po1-po3"];
const SKILLS = ["policy-development", "data-analysis", "project-management", "digital", "finance", "communications", "stakeholder-engagement", "housing-planning", "service-design", "research"];

/** What the demo added (or found already there). */
export interface DemoSeedResult {
  interests: number;
  roles: number;
  matches: number;
  /** False when everything was already there. */
  added: boolean;
}

/** The 30 demo candidates (fictional people in the demo tenant). */
export function demoCandidates(): Array<PersonId & { name: string; email: string }> {
  return FIRST.map((first, i) => {
    const name = `${first} ${LAST[i % LAST.length]}`;
    return { tenantId: DEMO_TENANT_ID, aadObjectId: guid(0x200 + i), name, email: `${name.toLowerCase().replace(/ /g, ".")}@example.gov.uk` };
  });
}

function interestRaw(i: number, name: string, email: string, today: string): Record<string, string> {
  const region = i % REGIONS.length;
  const partTime = i % 4 === 3;
  return {
    fullName: name,
    email,
    organisationType: i % 3 === 2 ? "local-authority" : "central-government",
    organisationName: i % 3 === 2 ? "Example Borough Council" : ["Department for Demonstrations", "Ministry of Examples"][i % 2]!,
    profession: ["Policy", "Analysis", "Digital", "Finance", "Operational delivery"][i % 5]!,
    grade: i % 3 === 2 ? GRADES[4 + (i % 2)]! : GRADES[i % 4]!,
    language: "en",
    region: REGIONS[region]!,
    town: TOWNS[region]!,
    workArrangements: i % 2 ? "hybrid" : "hybrid,willing-to-travel",
    skillsOffered: `${SKILLS[i % SKILLS.length]},${SKILLS[(i + 3) % SKILLS.length]}`,
    skillsOfferedOther: "",
    skillsToDevelop: SKILLS[(i + 5) % SKILLS.length]!,
    skillsToDevelopOther: "",
    secondmentTypes: partTime ? "short-term,part-time" : i % 2 ? "long-term" : "short-term,long-term",
    workingPattern: partTime ? "part-time" : "full-time",
    daysPerWeek: partTime ? "3" : "",
    patternDetails: "",
    availableFrom: addMonths(today, 1 + (i % 4)),
    shortestDurationMonths: "3",
    longestDurationMonths: String(6 + (i % 3) * 6),
    contractType: "permanent",
    fixedTermEnd: "",
    clearance: "bpss",
    adjustments: "",
    lineManagerId: guid(0x300 + i),
    lineManagerEmail: "",
    permissionConfirmed: "true",
  };
}

const ROLES: Array<{ title: string; org: string; team: string; skills: string; region: number; stage: "open" | "filled" | "withdrawn" }> = [
  { title: "Housing data analyst", org: "Example City Council", team: "Housing strategy", skills: "data-analysis,housing-planning", region: 2, stage: "open" },
  { title: "Policy adviser, homelessness", org: "Example City Council", team: "Homelessness", skills: "policy-development,stakeholder-engagement", region: 2, stage: "filled" },
  { title: "Digital service designer", org: "Department for Demonstrations", team: "Digital services", skills: "digital,service-design", region: 5, stage: "open" },
  { title: "Finance business partner", org: "Example Borough Council", team: "Finance", skills: "finance", region: 1, stage: "open" },
  { title: "Communications officer", org: "Ministry of Examples", team: "Press office", skills: "communications", region: 5, stage: "open" },
  { title: "Project manager, regeneration", org: "Example Borough Council", team: "Regeneration", skills: "project-management", region: 6, stage: "open" },
  { title: "Research officer", org: "Ministry of Examples", team: "Analysis", skills: "research,data-analysis", region: 7, stage: "withdrawn" },
  { title: "Stakeholder engagement lead", org: "Department for Demonstrations", team: "Partnerships", skills: "stakeholder-engagement", region: 0, stage: "open" },
];

function roleRaw(r: (typeof ROLES)[number], today: string): Record<string, string> {
  return {
    title: r.title,
    hostOrganisationType: / Council$/.test(r.org) ? "local-authority" : "central-government",
    hostOrganisation: r.org,
    team: r.team,
    purpose: "A made-up role in the demo programme.",
    deliverables: "Nothing real: this role exists to show how matching works.",
    requiredSkills: r.skills,
    requiredSkillsOther: "",
    niceSkills: "",
    niceSkillsOther: "",
    gradeMin: "cs-eo",
    gradeMax: "cs-g7",
    region: REGIONS[r.region]!,
    town: TOWNS[r.region]!,
    workArrangements: "hybrid",
    secondmentTypes: "short-term,long-term,part-time",
    partTimePossible: "true",
    minDaysPerWeek: "3",
    startDate: addMonths(today, 3),
    durationMonths: "6",
    clearanceRequired: "bpss",
    openings: "1",
    notificationChannel: DEMO_TEAM.channels[0]!.id,
  };
}

/** Demo role ids look like the app's own (role-<uuid>), and are fixed. */
const roleId = (i: number) => `role-${guid(0x400 + i)}`;

/**
 * Fill the store with the demo programme. Refuses nothing itself: `npm run dev` refuses to call it
 * when an app id is set. Safe to run again: what is already there is left alone.
 */
export async function seedDemoProgramme(store: Store, now: Date): Promise<DemoSeedResult> {
  const people = store.container("people");
  const interests = new FormRecordStore<InterestDetails>(people, "interest");
  const roles = new FormRecordStore<RoleRecordDetails>(people, "role");
  const approvals = new ApprovalStore(people);
  const matches = new MatchStore(store.container("matches"));
  const today = todayInLondon(now);
  const rules = { today, durationCapMonths: () => 24 };
  let added = false;

  const candidates = demoCandidates();
  for (const [i, c] of candidates.entries()) {
    if (await interests.get(c, INTEREST_ID)) continue;
    const result = validateInterest(interestRaw(i, c.name, c.email, today), rules);
    if (!result.ok) throw new Error(`demo interest ${i} is not valid: ${JSON.stringify(result.errors)}`);
    await interests.submit(c, INTEREST_ID, result.value, undefined, now);
    added = true;
    // 24 released by their line manager, 6 still waiting for an answer.
    const request = newApproval({
      requestId: guid(0x500 + i),
      secondee: { ...c, name: c.name },
      manager: { aadObjectId: guid(0x300 + i), name: `Manager of ${c.name}` },
      summary: { organisation: result.value.organisationName, grade: "", profession: result.value.profession, secondmentTypes: "", availableFrom: "", length: "", workingPattern: "" },
      now,
    });
    const released = i % 5 !== 4;
    const approval = released ? decide(request, { requestId: request.requestId, actor: { aadObjectId: guid(0x300 + i) }, decision: "approve", now }).approval : request;
    await approvals.update(personKey(c), (current) => ({ next: current ? undefined : approval, result: undefined }));
  }

  const holder: PersonId & { name: string } = { tenantId: DEMO_TENANT_ID, aadObjectId: DEMO_PEOPLE.vacancyHolder.aadObjectId, name: DEMO_PEOPLE.vacancyHolder.name };
  const channel = { conversationId: DEMO_TEAM.channels[0]!.id, teamName: DEMO_TEAM.name, channelName: DEMO_TEAM.channels[0]!.name };
  for (const [i, r] of ROLES.entries()) {
    if (await roles.get(holder, roleId(i))) continue;
    const result = validateRole(roleRaw(r, today), rules);
    if (!result.ok) throw new Error(`demo role ${i} is not valid: ${JSON.stringify(result.errors)}`);
    await roles.submit(holder, roleId(i), { form: result.value, channel }, undefined, now);
    if (r.stage === "withdrawn") await roles.withdraw(holder, roleId(i), undefined, now);
    added = true;
  }

  // Two matches: one at the informal meeting, one going ahead (which fills its role).
  const pairs: Array<{ role: number; candidate: number; status: Match["status"] }> = [
    { role: 0, candidate: 2, status: "meeting" },
    { role: 1, candidate: 0, status: "agreeing" },
  ];
  for (const p of pairs) {
    const c = candidates[p.candidate]!;
    const r = ROLES[p.role]!;
    const at = now.toISOString();
    const match: Match = {
      type: "match",
      opening: { id: roleId(p.role), ownerKey: personKey(holder), title: r.title, organisation: r.org, channelConversationId: channel.conversationId },
      candidate: { ...c, key: personKey(c), name: c.name },
      status: p.status,
      confirmedBy: { aadObjectId: DEMO_PEOPLE.programmeTeam.aadObjectId, name: DEMO_PEOPLE.programmeTeam.name },
      confirmedAt: at,
      ...(p.status !== "notified" ? { arrangedBy: { aadObjectId: holder.aadObjectId, name: holder.name, at } } : {}),
      outcomes: p.status === "agreeing" ? { host: { proceed: true, at }, secondee: { proceed: true, at } } : {},
      explanation: "Demo match: the skills and the region fit.",
    };
    if ((await matches.create(matchId(match.opening.id, match.candidate.key), match)) === "created") added = true;
  }

  return { interests: candidates.length, roles: ROLES.length, matches: pairs.length, added };
}
