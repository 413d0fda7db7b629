import { renderCard } from "../render-card";
import { FEEDBACK_FIELDS, REVIEW_FIELDS, validateFeedback, validateReview } from "../../src/domain/agreement";
import { todayInLondon } from "../../src/domain/dates";
import { formValues } from "../../src/domain/forms";
import { finish, giveManagerFeedback, nameOf, say, submitReview } from "../../src/domain/secondment";
import { t, type Lang } from "../../src/i18n";
import { buildForm } from "../forms/form-builder";
import { feedbackForm, reviewForm } from "../forms/secondment-forms";
import { apply, isReply, load, message, note, NOT_FOUND, secondmentCard, sendTo, tellProgrammeTeam, type SecondmentRef } from "./secondment-card";
import { card, text, type Caller, type Reply, type Services } from "./types";

/**
 * The end of a secondment (plan step 7): on the last day the secondee gets the review form and
 * both managers a feedback form, each in their own language; the review closes the secondment.
 */

export interface DatedPayload {
  secondmentId: string;
  endDate: string;
}

export async function onEnd(s: Services, p: DatedPayload): Promise<void> {
  const now = s.now();
  const sec = await s.secondments.update(p.secondmentId, (current) => {
    if (!current?.terms || current.terms.endDate !== p.endDate) return { next: undefined, result: undefined };
    if (current.status === "ended") return { next: undefined, result: current }; // heal a crash after the change
    const c = finish(current, todayInLondon(now), now);
    return { next: c.kind === "changed" ? c.secondment : undefined, result: c.kind === "changed" ? c.secondment : undefined };
  });
  if (!sec) return;
  await s.plans.setStepStatus(sec.secondee, { step: 6, status: "done" }, now);
  await s.plans.setStepStatus(sec.secondee, { step: 7, status: "doing" }, now);
  const reviewCard = (lang: Lang) => message(renderCard("form", buildForm(reviewForm(lang, { secondmentId: sec.id, title: sec.opening.title }), { mayShare: "false" }), lang));
  await sendTo(s, sec, "secondee", `review:${sec.id}`, reviewCard, "review");
  for (const party of ["homeManager", "host"] as const) {
    const feedbackCard = (lang: Lang) => message(renderCard("form", buildForm(feedbackForm(lang, { secondmentId: sec.id, feedbackId: party, askerName: sec.secondee.name, forEnd: true }), {}), lang));
    await sendTo(s, sec, party, `end-feedback:${sec.id}:${party}`, feedbackCard, "end-feedback");
  }
}

// ---------------------------------------------------------------------------------------------
// Review and share (plan step 7)

export async function review(s: Services, caller: Caller, ref: SecondmentRef & { open?: unknown }, raw: unknown): Promise<Reply> {
  const lang = caller.lang;
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  if (!mine.includes("secondee")) return text(t(lang, "secondment.reply.onlySecondeeReview"));
  const content = reviewForm(lang, { secondmentId: sec.id, title: sec.opening.title });
  if (ref.open === true) return card(renderCard("form", buildForm(content, { mayShare: "false" }), lang));
  const result = validateReview(raw, lang);
  if (!result.ok) return card(renderCard("form", buildForm(content, formValues(raw, REVIEW_FIELDS), result.errors), lang));
  const out = await apply(s, sec.id, (current) => submitReview(current, result.value, s.now()));
  if (!out) return text(t(lang, NOT_FOUND));
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, caller.person, lang, say(lang, out.why)));
  const now = s.now();
  for (const step of [1, 2, 3, 4, 5, 6, 7] as const) await s.plans.setStepStatus(sec.secondee, { step, status: "done" }, now);
  const r = out.secondment.review!;
  await tellProgrammeTeam(
    s,
    out.secondment,
    `review:${sec.id}`,
    (to) =>
      t(to, "secondment.review.teamNote", {
        secondee: sec.secondee.name,
        organisation: sec.opening.organisation,
        recommend: r.recommend === "not-sure" ? "unsure" : r.recommend,
        shared: r.mayShare && r.summary ? "yes" : "no",
        summary: r.summary ?? "",
      }),
    "review-in",
  );
  return card(secondmentCard(s, out.secondment, caller.person, lang, t(lang, "secondment.review.thanks")));
}

export async function endFeedback(s: Services, caller: Caller, ref: SecondmentRef, raw: unknown): Promise<Reply> {
  const lang = caller.lang;
  const found = await load(s, caller, ref);
  if (isReply(found)) return found;
  const { sec, mine } = found;
  const party = mine.find((p): p is "homeManager" | "host" => p === "homeManager" || p === "host");
  if (!party) return text(t(lang, "secondment.reply.onlyManagersFeedback"));
  const result = validateFeedback(raw, lang);
  if (!result.ok) {
    const content = feedbackForm(lang, { secondmentId: sec.id, feedbackId: party, askerName: sec.secondee.name, forEnd: true });
    return card(renderCard("form", buildForm(content, formValues(raw, FEEDBACK_FIELDS), result.errors), lang));
  }
  const out = await apply(s, sec.id, (current) => giveManagerFeedback(current, party, result.value, s.now()));
  if (!out) return text(t(lang, NOT_FOUND));
  if (out.kind === "refused") return card(secondmentCard(s, out.secondment, caller.person, lang, say(lang, out.why)));
  const shared = (to: Lang) => note(t(to, "secondment.endFeedback.sharedNote", { name: nameOf(sec, party, to), feedback: result.value }));
  await sendTo(s, out.secondment, "secondee", `end-feedback-shared:${sec.id}:${party}`, shared, "end-feedback");
  return card(secondmentCard(s, out.secondment, caller.person, lang, t(lang, "secondment.endFeedback.thanks")));
}
