import { randomUUID } from "node:crypto";
import sinon from "sinon";
import { personKey } from "../../src/domain/person";
import { confirmTerms, newSecondment, PARTIES, proposeTerms, recordCheckInSent, start, type AgreementTerms, type Change, type Secondment } from "../../src/domain/secondment";
import { silentLogger } from "../../src/log";
import { SecondmentStore } from "../../src/store/secondments";
import { startTestBot, TENANT, type Person, type TestBot } from "./teams";

/** Agreed terms of a secondment that starts on 1 February 2027 and ends on 30 September 2027. */
export const ACTIVE_TERMS: AgreementTerms = {
  startDate: "2027-02-01",
  endDate: "2027-09-30",
  hostManagerName: "Vic Osei",
  roleSpecification: "Build the housing supply model.",
  workingPattern: "full-time",
  salary: "host-reimburses-home",
  expenses: "host",
  homeHrContact: "hr@home.gov.uk",
  hostHrContact: "hr@host.gov.uk",
  checkInEveryWeeks: 4,
  noticeWeeks: 4,
};

/** What the host types in the agreement form (all fields are text on the card). */
export const AGREEMENT_INPUT = {
  startDate: "2027-09-06",
  endDate: "2028-02-28",
  roleSpecification: "Build a model of housing demand with the strategy team.",
  hostManagerName: "Kim Patel",
  hostManagerEmail: "kim.patel@leeds.example.gov.uk",
  workingPattern: "full-time",
  daysPerWeek: "",
  salary: "host-reimburses-home",
  expenses: "host",
  homeHrContact: "hr@education.example.gov.uk",
  hostHrContact: "hr@leeds.example.gov.uk",
  checkInEveryWeeks: "4",
  noticeWeeks: "4",
};

/** The secondment a core transition returned; throws with the refusal's key if it refused. */
export function must(c: Change): Secondment {
  if (c.kind !== "changed") throw new Error(c.why.key);
  return c.secondment;
}

export interface SeedOptions {
  secondments: SecondmentStore;
  serviceUrl: string;
  ana: Person;
  sam: Person;
  vic: Person;
  /** "agreeing": no terms yet; "confirmed": terms agreed by all three; "active": agreed and started on 1 February 2027. */
  status: "agreeing" | "confirmed" | "active";
  terms?: AgreementTerms;
  hostOrganisation?: string;
  homeOrganisation?: string;
  /** The end of the secondee's fixed-term contract, if they are on one. */
  fixedTermEnd?: string;
  /** "active" only: check-in 1 (1 March 2027) sent, nobody has answered yet. */
  checkInSent?: boolean;
}

/** A secondment between Ana (secondee), Sam (home line manager) and Vic (host), straight into the store. Returns its id. */
export async function seedSecondment(o: SeedOptions): Promise<string> {
  const at = new Date("2027-01-20T10:00:00Z");
  // Everyone in the secondee's tenant (the demo people of `npm run dev` have their own).
  const tenant = o.ana.tenantId ?? TENANT;
  const key = (p: Person) => personKey({ tenantId: tenant, aadObjectId: p.aadObjectId });
  let s = newSecondment({
    matchId: `match:role-${randomUUID()}:${key(o.ana)}`,
    tenantId: tenant,
    serviceUrl: o.serviceUrl,
    opening: { id: `role-${randomUUID()}`, title: "Housing analyst", organisation: o.hostOrganisation ?? "Homes England", channelConversationId: "19:housing@thread.tacv2" },
    secondee: { tenantId: tenant, aadObjectId: o.ana.aadObjectId, name: o.ana.name, key: key(o.ana) },
    homeManager: { aadObjectId: o.sam.aadObjectId, name: o.sam.name },
    host: { aadObjectId: o.vic.aadObjectId, name: o.vic.name, key: key(o.vic) },
    homeOrganisation: o.homeOrganisation ?? "Department for Education",
    capMonths: 12,
    ...(o.fixedTermEnd ? { fixedTermEnd: o.fixedTermEnd } : {}),
    now: at,
  });
  if (o.status !== "agreeing") {
    s = must(proposeTerms(s, "host", o.terms ?? ACTIVE_TERMS, at));
    for (const p of PARTIES) s = must(confirmTerms(s, p, s.termsVersion, at));
  }
  if (o.status === "active") s = must(start(s, "2027-02-01", new Date("2027-02-01T09:00:00Z")));
  if (o.status === "active" && o.checkInSent) s = must(recordCheckInSent(s, 1, "2027-03-01", new Date("2027-03-01T09:00:00Z")));
  await o.secondments.createOrGet(s);
  return s.id;
}

/**
 * A bot whose programme team is `team`, with Date faked from `now` (timers and I/O stay real, the
 * scheduler polls every 50 ms), and its secondment store. Stop it with `bot.stop()` and `clock.restore()`.
 */
export async function startSecondmentBot(now: string, team: Person): Promise<{ clock: sinon.SinonFakeTimers; bot: TestBot; secondments: SecondmentStore }> {
  const clock = sinon.useFakeTimers({ now: new Date(now), toFake: ["Date"] });
  const bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: team.aadObjectId }, silentLogger, { schedulerPollMs: 50 });
  return { clock, bot, secondments: new SecondmentStore(bot.app.store.container("secondments")) };
}
