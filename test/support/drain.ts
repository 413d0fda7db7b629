/**
 * Waiting for the outbox in a test whose clock stands still (sinon `toFake: ["Date"]`).
 *
 * The dispatcher measures rate limits and "try again in a moment" on the app's clock, as it must in
 * production. On a frozen clock that moment never comes, so a message put back for a second would
 * wait for ever. While a test waits, let the app's clock move with real time, as it does in
 * production; between waits it stands still again, so the test still decides what day it is.
 */
export interface FakeClock {
  tick(ms: number): unknown;
}

export async function whileTimeFlows<T>(clock: FakeClock, wait: () => Promise<T>): Promise<T> {
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    clock.tick(Math.round(now - last));
    last = now;
  }, 20);
  try {
    return await wait();
  } finally {
    clearInterval(timer);
  }
}

export interface Drainable {
  dispatcher: { drain(timeoutMs: number): Promise<void> };
}

/** Wait (at most timeoutMs of real time) until nothing is queued or sending, the app's clock moving meanwhile. */
export function drainWithFrozenClock(apps: readonly Drainable[], clock: FakeClock, timeoutMs = 15_000): Promise<void> {
  return whileTimeFlows(clock, async () => {
    await Promise.all(apps.map((app) => app.dispatcher.drain(timeoutMs)));
  });
}

/** Poll every 20 ms until `check` holds; fails after `timeoutMs` of real time, naming `what`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not so after ${timeoutMs / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
