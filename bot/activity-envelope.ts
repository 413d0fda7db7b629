import { z } from "zod";

/** Largest request body accepted on /api/messages. Teams messages stay under ~28 KB. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Longest message text accepted at the door; the bot itself answers anything over 500 characters politely. */
export const MAX_TEXT_LENGTH = 50_000;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * The shape an incoming activity must have before botbuilder sees it. Loose on purpose: Teams adds
 * fields freely; we only insist on what every turn relies on.
 */
export const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url().max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(2048) }),
  from: z.looseObject({ id: z.string().min(1).max(1024) }),
  recipient: z.looseObject({ id: z.string().min(1).max(1024) }),
  text: z.string().max(MAX_TEXT_LENGTH, `must be ${MAX_TEXT_LENGTH} characters or fewer`).optional(),
});

export type EnvelopeCheck = { ok: true } | { ok: false; problem: string };

/**
 * Check a request body. Without an app id (local development, no authentication) the bot only
 * replies to a service URL on this machine, so an unauthenticated caller cannot make it send
 * requests anywhere else.
 */
export function checkEnvelope(body: unknown, authenticated: boolean): EnvelopeCheck {
  const parsed = ActivityEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "body";
    return { ok: false, problem: `${field}: ${issue.message.replace(/^Invalid input: /, "")}` };
  }
  if (!authenticated && !LOOPBACK.has(new URL(parsed.data.serviceUrl).hostname)) {
    return { ok: false, problem: "serviceUrl: must be on this machine when MICROSOFT_APP_ID is not set" };
  }
  return { ok: true };
}
