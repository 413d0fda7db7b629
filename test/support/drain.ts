/**
 * Waiting for the outbox to empty in a test whose clock stands still (sinon `toFake: ["Date"]`).
 *
 * The dispatcher puts a message back for a moment when it has no rate-limit place yet, or after a
 * slow or refused send, and the moment is measured on the app's clock. On a frozen clock that
 * moment never comes, so a busy machine could leave a message waiting for ever. When the queue
 * will not drain, move the clock on a little and look again: real time still bounds each wait.
 */
export interface Drainable {
  dispatcher: { drain(timeoutMs: number): Promise<void> };
}

export async function drainWithFrozenClock(apps: readonly Drainable[], clock: { tick(ms: number): unknown }, waitMs = 5_000, tries = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await Promise.all(apps.map((app) => app.dispatcher.drain(waitMs)));
      return;
    } catch (err) {
      if (attempt >= tries) throw err;
      clock.tick(2_000);
    }
  }
}
