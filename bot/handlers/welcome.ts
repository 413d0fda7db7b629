import { renderCard } from "../../cards";
import { card, type Reply, type Services } from "./types";

/** The menu. Programme-team members also get a button for the pipeline. */
export function welcome(s: Services, notice?: string, forProgrammeTeam = false): Reply {
  return card(renderCard("welcome", { programmeEmail: s.config.programmeTeam.email, ...(notice ? { notice } : {}), ...(forProgrammeTeam ? { programmeTeam: true } : {}) }));
}

export function channelWelcome(): Reply {
  return card(renderCard("channel-welcome", {}));
}
