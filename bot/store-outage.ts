import { VERBS, type AdaptiveCardJson } from "../cards";
import { renderCard } from "./render-card";
import { formValues } from "../src/domain/forms";
import { INTEREST_FIELDS } from "../src/domain/interest";
import { buildForm } from "./forms/form-builder";
import { interestForm } from "./forms/interest-form";
import { DEFAULT_LANG, t, type Lang } from "../src/i18n";

/**
 * What a user sees when the store stops answering during their turn (see isStoreUnavailable in
 * src/store/store.ts). Used only by the turn error handler in bot/app.ts, so every verb is covered.
 *
 * The store refused or timed out before the turn could save anything it depends on, or part-way
 * through; either way the user is told it could not be finished and to try again, and a form comes back
 * with what they typed. Every handler is written so that trying again finishes the job (writes
 * are etag-guarded read-modify-writes keyed by fixed ids, messages and jobs have fixed ids).
 */
export function storeOutageCard(verb: string | undefined, data: Record<string, unknown>, reference: string, programmeEmail: string, lang: Lang = DEFAULT_LANG): AdaptiveCardJson {
  if (verb === VERBS.submitInterest) {
    const version = typeof data.version === "number" ? data.version : undefined;
    const model = buildForm(interestForm({ editing: version !== undefined, lang, ...(version !== undefined ? { version } : {}) }), formValues(data, INTEREST_FIELDS));
    model.errorSummary = [t(lang, "errors.outage.formSummary")];
    model.errorFooter = t(lang, "errors.outage.formFooter");
    return renderCard("form", model, lang);
  }
  return renderCard("error", { reference, programmeEmail, outage: true }, lang);
}
