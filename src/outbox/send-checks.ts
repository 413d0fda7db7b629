import type { Logger } from "../log";
import type { Outcome } from "./outcome";
import { MAX_ACTIVITY_BYTES, toMessage, type MessageDoc, type OutboundMessage } from "./outbox";

/**
 * Checks made just before a message is sent, so it says what is true then, not when it was queued.
 * A message names what it depends on (`dependsOn`: a check's name and what that check needs, e.g. a
 * request id on a person's record); the app registers each check at start-up. The outbox itself
 * knows nothing of what the checks look at.
 *
 * A check runs after the message is claimed (so on every attempt, including a retry after a 429),
 * and its answer is stored with the message's outcome, etag-guarded like any other.
 */
export type SendDecision =
  /** Send it as it was queued. */
  | { do: "send" }
  /** Send this activity in its place (e.g. a closed card instead of one with live buttons). */
  | { do: "replace"; activity: Record<string, unknown>; why: string }
  /** Do not send it: it no longer means anything. Stored as `dropped` with the reason. */
  | { do: "drop"; why: string };

/** One check: reads what the message depends on and decides. A throw leaves it queued for a retry. */
export type SendCheck = (message: OutboundMessage) => Promise<SendDecision>;
export type SendChecks = Readonly<Record<string, SendCheck>>;

/**
 * What to send for a claimed message: the document to send (its activity replaced if the check
 * said so), or the outcome to store without sending. A message naming a check nobody registered
 * goes as queued (a warning says so): at-least-once matters more than a stale card.
 */
export async function checkBeforeSend(doc: MessageDoc, checks: SendChecks | undefined, log: Logger): Promise<{ doc: MessageDoc } | { outcome: Outcome }> {
  const dependsOn = doc.dependsOn;
  if (!dependsOn) return { doc };
  const check = checks && Object.hasOwn(checks, dependsOn.check) ? checks[dependsOn.check] : undefined;
  if (!check) {
    log.warn("no send check registered; sending as queued", { messageId: doc.id, purpose: doc.purpose, check: dependsOn.check });
    return { doc };
  }
  const decision = await check(toMessage(doc));
  const fields = { messageId: doc.id, purpose: doc.purpose, check: dependsOn.check };
  switch (decision.do) {
    case "send":
      return { doc };
    case "drop":
      log.info("message dropped at send time", { ...fields, why: decision.why });
      return { outcome: { kind: "dropped", why: decision.why } };
    case "replace": {
      const activity = { type: "message", ...decision.activity };
      if (Buffer.byteLength(JSON.stringify(activity)) > MAX_ACTIVITY_BYTES) {
        return { outcome: { kind: "failed", why: `the check's replacement is larger than ${MAX_ACTIVITY_BYTES} bytes` } };
      }
      log.info("message replaced at send time", { ...fields, why: decision.why });
      return { doc: { ...doc, activity } };
    }
  }
}
