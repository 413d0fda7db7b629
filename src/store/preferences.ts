import type { Container } from "@azure/cosmos";
import { isLang, type Lang } from "../i18n";
import { personKey, type PersonId } from "../domain/person";
import { readItem, updateItem } from "./store";

/** How long an instance trusts the language it last saw for a person, and for how many people. */
const KNOWN_MS = 60_000;
const KNOWN_MAX = 20_000;

/** One small document per person, in their partition of the people container. */
export const PROFILE_ID = "profile";

interface ProfileDoc {
  type: "profile";
  /** The language the person chose with the "Cymraeg / English" switch. */
  lang: Lang;
  updatedAt: string;
}

/**
 * Each person's chosen language. Absent until they choose: then the Teams locale decides.
 * Writes are etag-guarded (updateItem), so two quick switches never lose one another.
 */
export class PreferenceStore {
  /**
   * What this instance last read or wrote, per person, so a turn does not read the profile every
   * time (issue 12: a typed command makes at most 2 store calls). A choice made through another
   * instance reaches this one within KNOWN_MS.
   */
  private readonly known = new Map<string, { lang: Lang | undefined; at: number }>();

  constructor(private readonly container: Container) {}

  async language(person: Pick<PersonId, "tenantId" | "aadObjectId">): Promise<Lang | undefined> {
    const key = personKey(person);
    const hit = this.known.get(key);
    if (hit && performance.now() - hit.at < KNOWN_MS) return hit.lang;
    const doc = await readItem<ProfileDoc>(this.container, PROFILE_ID, key);
    const lang = doc?.type === "profile" && isLang(doc.lang) ? doc.lang : undefined;
    this.remember(key, lang);
    return lang;
  }

  private remember(key: string, lang: Lang | undefined): void {
    this.known.delete(key);
    this.known.set(key, { lang, at: performance.now() });
    if (this.known.size > KNOWN_MAX) this.known.delete(this.known.keys().next().value!);
  }

  /** Store the person's language; "unchanged" when it was already that. */
  async setLanguage(person: Pick<PersonId, "tenantId" | "aadObjectId">, lang: Lang, now: Date): Promise<"changed" | "unchanged"> {
    const { changed } = await updateItem<ProfileDoc>(this.container, PROFILE_ID, personKey(person), (current) =>
      current?.lang === lang ? undefined : { ...(current ?? {}), type: "profile", lang, updatedAt: now.toISOString() },
    );
    this.remember(personKey(person), lang);
    return changed ? "changed" : "unchanged";
  }
}
