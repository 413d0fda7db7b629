import { renderCard, VERBS, type AdaptiveCardJson } from "../cards";
import { formValues } from "../src/domain/forms";
import { INTEREST_FIELDS } from "../src/domain/interest";
import { buildForm } from "./forms/form-builder";
import { interestForm } from "./forms/interest-form";

/**
 * What a user sees when the store stops answering during their turn (see isStoreUnavailable in
 * src/store/store.ts). Used only by the turn error handler in bot/app.ts, so every verb is covered.
 *
 * The store refused or timed out before the turn could save anything it depends on, or part-way
 * through; either way the user is told it could not be finished and to try again, and a form comes back
 * with what they typed. Every handler is written so that trying again finishes the job (writes
 * are etag-guarded read-modify-writes keyed by fixed ids, messages and jobs have fixed ids).
 */
const HEADING = "Sorry, there is a problem with the service";
const MESSAGE = "Our records system did not respond, so we could not finish. Please try again in a few minutes. It is safe to try again: nothing will be done twice.";
const FORM_SUMMARY = "We could not finish saving your answers because our records system did not respond. Your answers are still here.";
const FORM_FOOTER = "Select the button below again in a few minutes. It is safe to try again: nothing will be sent twice.";

export function storeOutageCard(verb: string | undefined, data: Record<string, unknown>, reference: string, programmeEmail: string): AdaptiveCardJson {
  if (verb === VERBS.submitInterest) {
    const version = typeof data.version === "number" ? data.version : undefined;
    const model = buildForm(interestForm({ editing: version !== undefined, ...(version !== undefined ? { version } : {}) }), formValues(data, INTEREST_FIELDS));
    model.errorSummary = FORM_SUMMARY;
    model.errorFooter = FORM_FOOTER;
    return renderCard("form", model);
  }
  return renderCard("error", { reference, programmeEmail, heading: HEADING, message: MESSAGE });
}
