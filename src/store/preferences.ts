import type { Container } from "@azure/cosmos";
import { isLang, type Lang } from "../i18n";
import { personKey, type PersonId } from "../domain/person";
import { readItem, updateItem } from "./store";

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
  constructor(private readonly container: Container) {}

  async language(person: Pick<PersonId, "tenantId" | "aadObjectId">): Promise<Lang | undefined> {
    const doc = await readItem<ProfileDoc>(this.container, PROFILE_ID, personKey(person));
    return doc?.type === "profile" && isLang(doc.lang) ? doc.lang : undefined;
  }

  /** Store the person's language; "unchanged" when it was already that. */
  async setLanguage(person: Pick<PersonId, "tenantId" | "aadObjectId">, lang: Lang, now: Date): Promise<"changed" | "unchanged"> {
    const { changed } = await updateItem<ProfileDoc>(this.container, PROFILE_ID, personKey(person), (current) =>
      current?.lang === lang ? undefined : { ...(current ?? {}), type: "profile", lang, updatedAt: now.toISOString() },
    );
    return changed ? "changed" : "unchanged";
  }
}
