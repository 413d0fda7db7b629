import type { Party } from "../../src/domain/secondment";
import { text, type Caller, type Reply, type Services } from "./types";
import type { SecondmentRef } from "./secondment";

/**
 * Changes during a secondment: absence and change reports, feedback between the parties, extensions
 * (all three agree; the organisations' cap holds unless the programme team overrides it with a
 * reason) and ending early with the agreed notice.
 */

const notYet = (): Reply => text("This is not available yet.");

export async function openReport(_s: Services, _c: Caller, _ref: SecondmentRef): Promise<Reply> {
  return notYet();
}
export async function submitReport(_s: Services, _c: Caller, _ref: SecondmentRef & { reportId: string }, _raw: unknown): Promise<Reply> {
  return notYet();
}
export async function askFeedback(_s: Services, _c: Caller, _ref: SecondmentRef & { to: Party }): Promise<Reply> {
  return notYet();
}
export async function giveFeedback(_s: Services, _c: Caller, _ref: SecondmentRef & { feedbackId: string }, _raw: unknown): Promise<Reply> {
  return notYet();
}
export async function openExtension(_s: Services, _c: Caller, _ref: SecondmentRef): Promise<Reply> {
  return notYet();
}
export async function submitExtension(_s: Services, _c: Caller, _ref: SecondmentRef, _raw: unknown): Promise<Reply> {
  return notYet();
}
export async function decideExtension(_s: Services, _c: Caller, _ref: SecondmentRef & { extensionId: string; reason?: unknown }, _approve: boolean): Promise<Reply> {
  return notYet();
}
export async function openEarlyEnd(_s: Services, _c: Caller, _ref: SecondmentRef): Promise<Reply> {
  return notYet();
}
export async function submitEarlyEnd(_s: Services, _c: Caller, _ref: SecondmentRef, _raw: unknown): Promise<Reply> {
  return notYet();
}
