import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERBS } from "../../cards";
import { silentLogger } from "../../src/log";
import { STEP_STATUSES, type StepStatus } from "../../src/domain/plan";
import { openStore, CONTAINERS, type ContainerName } from "../../src/store/store";
import { PlanRepository } from "../../src/store/plans";
import { preloadProcess, stopProcess, type PreloadedProcess } from "../support/app-process";
import { ConnectorStandIn } from "../support/connector";
import { person, personalChat, TeamsSimulator, TENANT, type Person } from "../support/teams";

/**
 * Every write the bot acknowledged (a 200 to the click) is still there after the process is
 * killed with SIGKILL at a random moment, over and over, and the store it leaves behind loads,
 * has no duplicates and every container reads.
 */
const KILLS = 20;
const PEOPLE = 4;
const STEPS = 7;
/** App processes kept loading ahead of the one in use. */
const AHEAD = 2;

/** A small deterministic generator, so a failure can be replayed from the seed it prints. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** What one person's plan may hold for a step: the last acknowledged status, or one sent after it whose reply never came. */
interface StepExpectation {
  acked: StepStatus;
  maybe: Set<StepStatus>;
}

describe("the embedded store keeps every acknowledged write through SIGKILL", function () {
  // Twenty starts of the app. Each next process loads the app's modules (most of a start-up) while
  // the current one takes clicks, and only opens the store once told to, after the check of what
  // the killed one left: about 30 s on a quiet machine.
  this.timeout(600_000);
  let dataDir: string;
  let connector: ConnectorStandIn;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-crash-"));
    connector = await new ConnectorStandIn().start();
  });
  after(async () => {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses nothing acknowledged over ${KILLS} kills at random moments during steady plan changes`, async () => {
    const seed = Date.now() % 100_000;
    const rnd = random(seed);
    const env = { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "error", COSMOS_DATABASE: "crash" };
    const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => person(`Person ${i + 1}`));
    const expected = people.map(() => Array.from({ length: STEPS }, (): StepExpectation => ({ acked: "todo", maybe: new Set() })));
    let acknowledged = 0;
    // Processes loading the app's modules, next first; on two cores, two in hand keep one ready.
    const ahead: Promise<PreloadedProcess>[] = [];
    const prepare = () => {
      while (ahead.length < AHEAD) {
        const p = preloadProcess(env);
        p.catch(() => undefined);
        ahead.push(p);
      }
    };
    prepare();
    let last: PreloadedProcess | undefined;

    try {
      for (let round = 0; round < KILLS; round++) {
        last = await ahead.shift()!;
        const app = await last.start();
        // The next processes get ready meanwhile; they touch nothing on disk until started.
        prepare();
        const teams = new TeamsSimulator(app.url, connector);
        let stop = false;
        let firstAck!: () => void;
        const acked = new Promise<void>((resolve) => (firstAck = resolve));
        // One click in flight per person, several people at once: a reply means it was saved.
        const clickers = people.map(async (who, p) => {
          while (!stop) {
            const step = 1 + Math.floor(rnd() * STEPS);
            const status = STEP_STATUSES[Math.floor(rnd() * STEP_STATUSES.length)]!;
            const slot = expected[p]![step - 1]!;
            slot.maybe.add(status);
            try {
              await teams.press(personalChat(who), who, VERBS.setStepStatus, { step, status });
            } catch {
              return; // the process died mid-click: not acknowledged, may or may not be stored
            }
            if (stop) return; // a reply that raced the kill still counts below only if it arrived before it
            slot.acked = status;
            slot.maybe = new Set();
            acknowledged++;
            firstAck();
          }
        });
        // Kill at a random moment once writes are flowing (the first click of a fresh process is slow).
        await Promise.race([acked, new Promise((r) => setTimeout(r, 20_000))]);
        await new Promise((r) => setTimeout(r, rnd() * 300));
        // Count a reply as acknowledged only if it arrived before the kill was sent.
        stop = true;
        await stopProcess(app.child, "SIGKILL");
        await Promise.all(clickers);

        // Open what the killed process left, as the next start would.
        const store = await openStore({ kind: "embedded", dataDir, database: "crash" }, silentLogger);
        try {
          for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
            const { resources } = await store.container(name).items.readAll().fetchAll();
            const keys = resources.map((r) => `${r.pk}/${r.id}`);
            assert.equal(new Set(keys).size, keys.length, `duplicates in ${name} (seed ${seed}, round ${round})`);
          }
          const plans = new PlanRepository(store.container("people"));
          for (const [p, who] of people.entries()) {
            const plan = await plans.get({ tenantId: TENANT, aadObjectId: who.aadObjectId }, new Date());
            for (let s = 1; s <= STEPS; s++) {
              const slot = expected[p]![s - 1]!;
              const actual = plan.steps[String(s)]?.status ?? "todo";
              assert.ok(
                actual === slot.acked || slot.maybe.has(actual),
                `person ${p + 1} step ${s}: stored ${actual}, acknowledged ${slot.acked} (seed ${seed}, round ${round})`,
              );
              // Whatever is stored now is what the next round builds on.
              slot.acked = actual;
              slot.maybe = new Set();
            }
          }
        } finally {
          await store.close();
        }
      }
    } finally {
      for (const p of ahead) await p.then((q) => stopProcess(q.child, "SIGKILL"), () => undefined);
      if (last) await stopProcess(last.child, "SIGKILL");
    }
    assert.ok(acknowledged >= KILLS, `only ${acknowledged} clicks were acknowledged: the test did not exercise much`);
    console.log(`      ${acknowledged} acknowledged clicks over ${KILLS} kills (seed ${seed})`);
  });
});
