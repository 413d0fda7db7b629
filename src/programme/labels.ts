import { GRADES, gradeById } from "../domain/grades";
import { choiceLabel, choicesIn, ORGANISATION_TYPES, REGIONS, SECONDMENT_TYPES, type Choice } from "../domain/options";
import { personStageLabel } from "../domain/stage";
import { formatDate, hasMessage, t, type Lang } from "../i18n";
import type { InterestRow, RoleRow } from "./pool-index";
import { INTEREST_STATUSES, RELEASE_STATUSES, ROLE_STATUSES } from "./pool-query";

/**
 * Labels for the Programme workspace's tables and filters, in the reader's language: choice labels
 * from the catalogue (choicesIn), statuses from the `programme` area, grades through gradeLabel.
 */

/**
 * A grade's label. The one place the workspace gets one: grade labels are moving into the
 * catalogue as "grade.<id>"; until a language has them, the grade table's label is used.
 */
export function gradeLabel(lang: Lang, id: string): string {
  const key = `grade.${id}`;
  if (hasMessage(lang, key)) return t(lang, key);
  return gradeById(id)?.label ?? id;
}

export const gradeChoices = (lang: Lang): Choice[] => GRADES.map((g) => ({ id: g.id, label: gradeLabel(lang, g.id) }));

/** A calendar day as people read it ("7 Chwefror 2027"), or "" if there is none. */
export const dayLabel = (lang: Lang, iso: string): string => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? formatDate(lang, iso) : "");

const LONDON_TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" } as const;

/** An instant as people read it: "7 December 2026 at 14:05" (UK time), in `lang`. */
export function dateTimeLabel(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return t(lang, "programme.dateTime", { date: formatDate(lang, d), time: d.toLocaleTimeString("en-GB", LONDON_TIME) });
}

/** Every list the filters offer, each as ids with labels. */
export function filterOptions(lang: Lang) {
  return {
    organisationType: choicesIn(lang, "organisationType", ORGANISATION_TYPES),
    region: choicesIn(lang, "region", REGIONS),
    secondmentType: choicesIn(lang, "secondmentType", SECONDMENT_TYPES),
    grade: gradeChoices(lang),
    personStatus: INTEREST_STATUSES.map((id) => ({ id, label: personStageLabel(lang, id) })),
    roleStatus: ROLE_STATUSES.map((id) => ({ id, label: t(lang, `programme.status.role.${id}`) })),
    release: RELEASE_STATUSES.map((id) => ({ id, label: t(lang, `programme.release.${id}`) })),
  };
}

/** Turns ids into labels for many rows at once (the lists are looked up once). */
export class RowLabeller {
  private readonly options: ReturnType<typeof filterOptions>;
  constructor(private readonly lang: Lang) {
    this.options = filterOptions(lang);
  }
  private label(list: keyof ReturnType<typeof filterOptions>, id: string): string {
    return choiceLabel(this.options[list], id) ?? id;
  }
  private types(ids: readonly string[]): string {
    return ids.map((id) => this.label("secondmentType", id)).join(", ");
  }

  interest(r: InterestRow) {
    return {
      ...r,
      labels: {
        organisationType: this.label("organisationType", r.organisationType),
        grade: this.label("grade", r.grade),
        region: this.label("region", r.region),
        secondmentTypes: this.types(r.secondmentTypes),
        release: this.label("release", r.release),
        status: this.label("personStatus", r.status),
        availableFrom: dayLabel(this.lang, r.availableFrom),
      },
    };
  }

  role(r: RoleRow) {
    return {
      ...r,
      labels: {
        organisationType: this.label("organisationType", r.organisationType),
        grades: t(this.lang, "programme.roles.gradeRange", { lowest: this.label("grade", r.gradeMin), highest: this.label("grade", r.gradeMax) }),
        region: this.label("region", r.region),
        secondmentTypes: this.types(r.secondmentTypes),
        status: this.label("roleStatus", r.status),
        startDate: dayLabel(this.lang, r.startDate),
      },
    };
  }
}
