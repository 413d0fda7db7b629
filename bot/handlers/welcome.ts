import { renderCard } from "../../cards";
import { card, type Reply, type Services } from "./types";

export function welcome(s: Services, notice?: string): Reply {
  return card(renderCard("welcome", { programmeEmail: s.config.programmeTeam.email, ...(notice ? { notice } : {}) }));
}

export function channelWelcome(): Reply {
  return card(renderCard("channel-welcome", {}));
}
