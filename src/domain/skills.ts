import { DEFAULT_LANG, t, type Lang } from "../i18n";
/**
 * Skills people offer or want to develop, and roles need. A curated list people choose from,
 * plus "other" skills in their own words for anything the list misses.
 */

export const SKILLS = [
  { id: "policy-development", label: "Policy development" },
  { id: "data-analysis", label: "Data analysis" },
  { id: "statistics", label: "Statistics" },
  { id: "research", label: "Research" },
  { id: "economics", label: "Economics" },
  { id: "project-management", label: "Project management" },
  { id: "programme-management", label: "Programme management" },
  { id: "change-management", label: "Change management" },
  { id: "operational-delivery", label: "Operational delivery" },
  { id: "digital", label: "Digital and technology" },
  { id: "service-design", label: "Service design" },
  { id: "user-research", label: "User research" },
  { id: "finance", label: "Finance" },
  { id: "commercial", label: "Commercial" },
  { id: "procurement", label: "Procurement" },
  { id: "hr", label: "Human resources (HR)" },
  { id: "communications", label: "Communications" },
  { id: "legal", label: "Legal" },
  { id: "stakeholder-engagement", label: "Stakeholder engagement" },
  { id: "community-engagement", label: "Community engagement" },
  { id: "leadership", label: "Leadership" },
  { id: "housing-planning", label: "Housing and planning" },
  { id: "social-care", label: "Social care" },
  { id: "public-health", label: "Public health" },
] as const satisfies readonly { id: string; label: string }[];

export type SkillId = (typeof SKILLS)[number]["id"];
export const SKILL_IDS: readonly SkillId[] = SKILLS.map((s) => s.id);

/**
 * The extra choice at the end of a skills list, "Something else (enter it below)": it lets a form
 * require at least one choice while someone whose skills are not listed types their own. It is
 * never stored: only the skills chosen and the words typed are.
 */
export const OWN_SKILL_CHOICE = "own";
/** The skills chosen, without the "something else" choice. */
export function listedSkills<Id extends string>(chosen: readonly (Id | typeof OWN_SKILL_CHOICE)[]): Id[] {
  return chosen.filter((id): id is Id => id !== OWN_SKILL_CHOICE);
}

/** Chosen skills plus skills in the person's own words. */
export interface SkillSet {
  ids: SkillId[];
  other: string[];
}

export const OTHER_SKILL_MIN = 2;
export const OTHER_SKILL_MAX = 60;
export const OTHER_SKILLS_MAX_COUNT = 10;
/** The longest "other skills" text we read at all: 10 skills of 60 characters with room for separators. */
export const OTHER_SKILLS_TEXT_MAX = 1000;

export type OtherSkillsResult = { ok: true; value: string[] } | { ok: false; error: string };

// Control characters other than tab and new lines, which are separators here.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function preview(s: string): string {
  const chars = [...s.slice(0, 60)];
  return chars.length > 30 ? `${chars.slice(0, 30).join("")}…` : s;
}

/**
 * Split "other skills" text into skills: separated by commas, semicolons or new lines; each
 * trimmed with inner spaces collapsed; repeats dropped ignoring case (the first spelling is kept);
 * each 2 to 60 characters; at most 10. Empty text gives no skills. `label` names the field in messages.
 */
export function parseOtherSkills(text: string, label = "Other skills", lang: Lang = DEFAULT_LANG): OtherSkillsResult {
  if (text.length > OTHER_SKILLS_TEXT_MAX) {
    return { ok: false, error: t(lang, "form.error.tooLong", { label, max: OTHER_SKILLS_TEXT_MAX }) };
  }
  if (CONTROL.test(text)) return { ok: false, error: t(lang, "form.error.control", { label }) };
  const seen = new Set<string>();
  const skills: string[] = [];
  for (const part of text.split(/[,;\r\n]+/)) {
    const skill = part.replace(/\s+/g, " ").trim();
    if (skill === "") continue;
    const length = [...skill].length;
    if (length < OTHER_SKILL_MIN || length > OTHER_SKILL_MAX) {
      return {
        ok: false,
        error: t(lang, "form.error.skillLength", { min: OTHER_SKILL_MIN, max: OTHER_SKILL_MAX, skill: preview(skill) }),
      };
    }
    const key = skill.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    skills.push(skill);
  }
  if (skills.length > OTHER_SKILLS_MAX_COUNT) {
    return { ok: false, error: t(lang, "form.error.skillCount", { max: OTHER_SKILLS_MAX_COUNT }) };
  }
  return { ok: true, value: skills };
}
