import { renderCard } from "../render-card";
import { DEFAULT_LANG, type Lang } from "../../src/i18n";
import { card, type Reply, type Services } from "./types";

/** The menu, in `lang`. Programme-team members also get a button for the pipeline. */
export function welcome(s: Services, notice?: string, forProgrammeTeam = false, lang: Lang = DEFAULT_LANG): Reply {
  return card(
    renderCard(
      "welcome",
      {
        programmeEmail: s.config.programmeTeam.email,
        switchTo: lang === "cy" ? "en-GB" : "cy",
        ...(notice ? { notice } : {}),
        ...(forProgrammeTeam ? { programmeTeam: true } : {}),
      },
      lang,
    ),
  );
}

