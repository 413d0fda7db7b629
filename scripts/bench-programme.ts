import type { Container, OperationInput } from "@azure/cosmos";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startApp } from "../bot/app";
import { DEMO_TENANT_ID, demoAppEnv } from "../src/demo/people";
import { parseConfig } from "../src/config";
import { addMonths, todayInLondon } from "../src/domain/dates";
import { GRADE_IDS } from "../src/domain/grades";
import { choiceIds, ORGANISATION_TYPES, REGIONS, SECONDMENT_TYPES } from "../src/domain/options";
import { SKILL_IDS } from "../src/domain/skills";
import { createLogger } from "../src/log";
import { startEmbeddedCosmos } from "../src/store/embedded";
import { pagesOf } from "../src/store/paged";
import { snapshotFrom, type InterestRow, type RoleRow } from "../src/programme/pool-index";
import { InterestQuerySchema, queryInterests } from "../src/programme/pool-query";

/**
 * The Programme tab at programme scale. Through the real HTTP API with a development sign-in, over
 * the in-process Cosmos server: the time to the first page of the pool and to a filtered, searched
 * page (target <= 300 ms each), the one-off index build, one store query for comparison, and a CSV
 * export streamed with the heap sampled throughout (target: flat memory), at 25,000 people and 2,500
 * roles in the embedded store. Figures only; nothing passes or fails on time.
 */
export interface BenchProgrammeOptions {
  interests?: number;
  roles?: number;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
const FIRST = ["Ana", "Bea", "Cai", "Dafydd", "Eira", "Ffion", "Gwen", "Huw", "Iolo", "Jo", "Kofi", "Lowri", "Mo", "Nia", "Owain", "Priya", "Rhys", "Siân", "Tomos", "Ŵyn"];
const LAST = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Patel", "Okafor", "Morgan", "Griffiths", "Price", "Tŷ-Gwyn", "O'Neill"];

/** The synthetic person `i` (as the interest form stores them), for both the in-memory rows and the stored documents. */
function syntheticInterest(i: number, today: string) {
  return {
    fullName: `${pick(FIRST, i)} ${pick(LAST, Math.floor(i / 7))} ${i}`,
    organisationType: pick(choiceIds(ORGANISATION_TYPES), i),
    organisationName: `Organisation ${i % 300}`,
    profession: pick(["Policy", "Finance", "Digital", "Operational delivery", "Analysis"], i),
    grade: pick(GRADE_IDS, i),
    region: pick(choiceIds(REGIONS), Math.floor(i / 3)),
    town: pick(["Leeds", "Cardiff", "Caernarfon", "Bristol", "Glasgow", "Belfast", "Manchester"], i),
    secondmentTypes: [pick(choiceIds(SECONDMENT_TYPES), i), pick(choiceIds(SECONDMENT_TYPES), i + 1)],
    skillsOffered: { ids: [pick(SKILL_IDS, i), pick(SKILL_IDS, i * 3 + 1)], other: i % 5 === 0 ? ["Welsh language"] : [] },
    availableFrom: addMonths(today, 1 + (i % 12)),
  };
}

/** The synthetic role `i` (as the role form stores it). */
function syntheticRole(i: number, today: string) {
  return {
    title: `${pick(["Data analyst", "Policy adviser", "Project manager", "Housing officer", "Finance business partner"], i)} ${i}`,
    hostOrganisationType: pick(choiceIds(ORGANISATION_TYPES), i),
    hostOrganisation: `Host ${i % 200}`,
    team: `Team ${i % 50}`,
    gradeMin: pick(GRADE_IDS, i),
    gradeMax: pick(GRADE_IDS, i + 2),
    region: pick(choiceIds(REGIONS), i),
    town: "Leeds",
    openings: 1 + (i % 3),
    secondmentTypes: [pick(choiceIds(SECONDMENT_TYPES), i)],
    startDate: addMonths(today, 2 + (i % 10)),
    durationMonths: 6,
    requiredSkills: { ids: [pick(SKILL_IDS, i)], other: [] as string[] },
  };
}

/** Create documents in batches of 100 through the SDK's bulk call, a few batches at a time. */
async function seed(container: Container, docs: (n: number) => Record<string, unknown> & { pk: string }, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const start = next;
        next = Math.min(count, next + 100);
        const ops = Array.from({ length: next - start }, (_, k) => {
          const body = docs(start + k);
          return { operationType: "Create", partitionKey: body.pk, resourceBody: body } as unknown as OperationInput;
        });
        const results = await container.items.bulk(ops);
        const failed = results.filter((r) => r.statusCode >= 300);
        if (failed.length) throw new Error(`seeding failed: ${failed[0]!.statusCode}`);
      }
    }),
  );
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The pool queries each page request runs once the instance's index is built, over 25,000 people and
 * 2,500 roles held in memory (no store, no HTTP): what each request costs once the index is built.
 */
export function benchPoolQueries(interests = 25_000, roles = 2_500): { firstPageMs: number; filteredPageMs: number } {
  const today = todayInLondon(new Date());
  const rows: InterestRow[] = Array.from({ length: interests }, (_, i) => {
    const p = syntheticInterest(i, today);
    return {
      key: `${DEMO_TENANT_ID}:bench-${i}`,
      name: p.fullName,
      organisationType: p.organisationType,
      organisation: p.organisationName,
      profession: p.profession,
      grade: p.grade,
      region: p.region,
      town: p.town,
      secondmentTypes: p.secondmentTypes,
      availableFrom: p.availableFrom,
      release: i % 3 === 0 ? "pending" : "approved",
      status: i % 20 === 0 ? "withdrawn" : "available",
      skills: p.skillsOffered.ids.join(", ").replace(/-/g, " "),
      submittedAt: new Date().toISOString(),
    };
  });
  const roleRows: RoleRow[] = Array.from({ length: roles }, (_, i) => {
    const r = syntheticRole(i, today);
    return {
      id: `role-${i}`,
      ownerKey: `${DEMO_TENANT_ID}:owner-${i}`,
      title: r.title,
      organisationType: r.hostOrganisationType,
      organisation: r.hostOrganisation,
      team: r.team,
      gradeMin: r.gradeMin,
      gradeMax: r.gradeMax,
      region: r.region,
      town: r.town,
      openings: r.openings,
      channel: "Bench: General",
      secondmentTypes: r.secondmentTypes,
      startDate: r.startDate,
      status: "open",
      skills: r.requiredSkills.ids.join(", ").replace(/-/g, " "),
      submittedAt: new Date().toISOString(),
    };
  });
  const b0 = performance.now();
  const snap = snapshotFrom({ interests: rows, roles: roleRows, approvals: [], matches: [], secondments: [] }, 1);
  console.log(`in memory: index of ${interests.toLocaleString("en-GB")} people and ${roles.toLocaleString("en-GB")} roles built in ${ms(performance.now() - b0)}`);
  const time = (f: () => unknown) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const first: number[] = [];
  const filtered: number[] = [];
  let matched = 0;
  for (let i = 0; i < 7; i++) {
    first.push(time(() => queryInterests(snap, InterestQuerySchema.parse({ size: "25", sort: "name" }))));
    filtered.push(time(() => (matched = queryInterests(snap, InterestQuerySchema.parse({ size: "25", sort: "availableFrom", region: "wales", secondmentType: "short-term", status: "available", q: "data" })).total)));
  }
  const firstPageMs = median(first);
  const filteredPageMs = median(filtered);
  console.log(`in memory: first page (25 of ${interests.toLocaleString("en-GB")}, by name): median ${ms(firstPageMs)}; filtered and searched page (${matched} match): median ${ms(filteredPageMs)}`);
  return { firstPageMs, filteredPageMs };
}

/**
 * The same through the HTTP API and the embedded store the app runs on a developer's machine
 * (src/store/embedded.ts: the in-process Cosmos server with its journal, every write fsynced), at
 * 25,000 people and 2,500 roles by default. Before the store's query fix (src/store/embedded-query.ts)
 * it slowed sharply past 10,000 items: a first page of 25 straight from the store took 0.3 s at
 * 10,000 items, 5.5 s at 15,000 and over the SDK's 60 s timeout at 25,000.
 */
export async function benchProgramme(options: BenchProgrammeOptions = {}): Promise<{ firstPageMs: number; filteredPageMs: number; peakHeapBytes: number }> {
  const interests = options.interests ?? 25_000;
  const roles = options.roles ?? 2_500;
  const dataDir = mkdtempSync(join(tmpdir(), "bench-programme-"));
  const store = await startEmbeddedCosmos({ dataDir: join(dataDir, "store"), log: createLogger("silent") });
  const config = parseConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...demoAppEnv(), COSMOS_ENDPOINT: store.endpoint, COSMOS_KEY: store.key });
  const app = await startApp(config, { log: createLogger("silent"), background: false });
  try {
    const people = app.store.container("people");
    const today = todayInLondon(new Date());
    const now = new Date().toISOString();
    const seedStart = performance.now();
    await seed(people, (i) => {
      const pk = `${DEMO_TENANT_ID}:bench-${i}`;
      return {
        id: "interest",
        pk,
        type: "interest",
        status: i % 20 === 0 ? "withdrawn" : "submitted",
        version: 1,
        owner: { tenantId: DEMO_TENANT_ID, aadObjectId: `bench-${i}` },
        createdAt: now,
        updatedAt: now,
        submittedAt: now,
        details: {
          ...syntheticInterest(i, today),
          email: `person${i}@example.gov.uk`,
          adjustments: "BENCH-PRIVATE-ADJUSTMENT",
        },
      };
    }, interests);
    await seed(
      people,
      (i) => ({
        id: `role-00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        pk: `${DEMO_TENANT_ID}:owner-${i}`,
        type: "role",
        status: "submitted",
        version: 1,
        createdAt: now,
        updatedAt: now,
        submittedAt: now,
        details: {
          form: syntheticRole(i, today),
          channel: { conversationId: `19:bench-${i}@thread.tacv2`, teamName: "Bench", channelName: "General" },
        },
      }),
      roles,
    );
    console.log(`seeded ${interests.toLocaleString("en-GB")} interests and ${roles.toLocaleString("en-GB")} roles into the embedded store (journalled, fsync) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; ${store.stats().groups} fsync groups`);

    const token = ((await (await fetch(`${app.url}/api/tab/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: "programmeTeam" }) })).json()) as { token: string }).token;
    const get = async (path: string) => {
      const t0 = performance.now();
      const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { total?: number; rows?: unknown[] };
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return { ms: performance.now() - t0, body };
    };

    // One store query with the filter in SQL, for comparison: the embedded store scans everything.
    const q0 = performance.now();
    for await (const _page of pagesOf(people, "SELECT c.pk, c.details.fullName FROM c WHERE c.type = 'interest' AND c.details.region = 'wales'", 25)) break;
    console.log(`for comparison, one filtered page straight from the embedded store: ${ms(performance.now() - q0)}`);

    const build = await get("/api/programme/interests?size=25");
    console.log(`index build on the first request after start-up (once per instance, then every 60 s or after a change here): ${ms(build.ms)}`);
    const runs = 7;
    const first: number[] = [];
    const filtered: number[] = [];
    const rolesPage: number[] = [];
    let filteredTotal = 0;
    for (let i = 0; i < runs; i++) {
      first.push((await get("/api/programme/interests?size=25&sort=name")).ms);
      const f = await get("/api/programme/interests?size=25&sort=availableFrom&region=wales&secondmentType=short-term&status=available&q=data");
      filtered.push(f.ms);
      filteredTotal = f.body.total ?? 0;
      rolesPage.push((await get("/api/programme/roles?size=25&grade=cs-heo&organisationType=local-authority")).ms);
    }
    const firstPageMs = median(first);
    const filteredPageMs = median(filtered);
    console.log(`first page of the pool (25 of ${interests.toLocaleString("en-GB")}, sorted by name): median ${ms(firstPageMs)} of ${runs} (target <= 300 ms): ${firstPageMs <= 300 ? "within" : "OVER"}`);
    console.log(`filtered and searched page (Wales, short-term, available, "data"; ${filteredTotal} rows match): median ${ms(filteredPageMs)} (target <= 300 ms): ${filteredPageMs <= 300 ? "within" : "OVER"}`);
    console.log(`filtered roles page: median ${ms(median(rolesPage))}`);

    // The heap, sampled every 10 ms: first while the store answers one page of the export's query
    // (the embedded store runs in this process and scans every item for it), then during the export.
    const peakDuring = async (work: () => Promise<void>) => {
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const samples: number[] = [];
      const sampler = setInterval(() => {
        const h = process.memoryUsage().heapUsed;
        samples.push(h);
        peak = Math.max(peak, h);
      }, 10);
      try {
        await work();
      } finally {
        clearInterval(sampler);
      }
      global.gc?.();
      // Peak heap in each quarter of the run: flat memory means no climb from one quarter to the next.
      const q = Math.max(1, Math.ceil(samples.length / 4));
      const quarters = [0, 1, 2, 3].map((k) => Math.max(before, ...samples.slice(k * q, (k + 1) * q)));
      return { before, peak: Math.max(peak, process.memoryUsage().heapUsed), quarters, after: process.memoryUsage().heapUsed };
    };
    const onePage = await peakDuring(async () => {
      for await (const _page of pagesOf(people, "SELECT c.pk, c.details.fullName FROM c WHERE c.type = 'interest'", 2_500)) break;
    });
    let bytes = 0;
    let lines = 0;
    let leaked = false;
    // Live heap (after a full GC) each time another 5,000 rows have arrived: streaming keeps it level.
    const live: string[] = [];
    let nextMark = 5_000;
    const e0 = performance.now();
    const exported = await peakDuring(async () => {
      const res = await fetch(`${app.url}/api/programme/export/interests.csv`, { headers: { authorization: `Bearer ${token}` } });
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        const text = Buffer.from(chunk).toString("latin1");
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
        if (text.includes("BENCH-PRIVATE")) leaked = true;
        if (lines >= nextMark && global.gc) {
          global.gc();
          live.push(`${nextMark.toLocaleString("en-GB")} rows ${mb(process.memoryUsage().heapUsed)}`);
          nextMark += 5_000;
        }
      }
    });
    const peakHeapBytes = exported.peak;
    console.log(`one page of 2,500 straight from the store: heap ${mb(onePage.before)} before, peak ${mb(onePage.peak)} (+${mb(onePage.peak - onePage.before)}: the in-process store's scan)`);
    console.log(
      `export interests.csv: ${(lines - 1).toLocaleString("en-GB")} rows, ${mb(bytes)} in ${ms(performance.now() - e0)}; heap ${mb(exported.before)} before, peak ${mb(exported.peak)} (+${mb(exported.peak - exported.before)}, for ${mb(bytes)} of CSV)${leaked ? "; ADJUSTMENTS LEAKED" : ""}`,
    );
    console.log(
      `export heap by quarter of the run (peak of each): ${exported.quarters.map(mb).join(", ")}; after a GC at the end ${mb(exported.after)} (${exported.after - exported.before >= 0 ? "+" : ""}${mb(exported.after - exported.before)} kept)${global.gc ? "" : " (run with --expose-gc for the GC figures)"}`,
    );
    if (live.length) console.log(`export live heap after a full GC, as rows arrive: ${live.join("; ")}`);
    if (leaked) process.exitCode = 1;
    return { firstPageMs, filteredPageMs, peakHeapBytes };
  } finally {
    await app.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const quick = process.argv.includes("--quick");
  const n = Number(process.argv.find((a) => a.startsWith("--interests="))?.slice(12) ?? 0);
  benchPoolQueries();
  benchProgramme(quick ? { interests: 2_500, roles: 250 } : n ? { interests: n, roles: Math.round(n / 10) } : {}).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
