import { renderCard } from "../../cards";
import { card, type Reply, type Services } from "./types";

export function welcome(s: Services, notice?: string): Reply {
  return card(renderCard("welcome", { programmeEmail: s.config.programmeTeam.email, ...(notice ? { notice } : {}) }));
}

export function channelWelcome(): Reply {
  return card(renderCard("channel-welcome", {}));
}

/** Interest and role forms arrive in a later release; until then say so plainly. */
export function interestComingSoon(s: Services): Reply {
  return card(
    renderCard("coming-soon", {
      title: "Express interest in a secondment",
      paragraphs: [
        { text: "Soon you will fill in your expression of interest here in Teams. It asks about the skills you have and want to build, your grade, your working pattern, the kind of secondment you want and your contract." },
        { text: "Before you start, talk to your line manager. You need their permission to take part. Steps 1 and 2 of your plan help you get ready." },
      ],
      programmeEmail: s.config.programmeTeam.email,
    }),
  );
}

export function roleComingSoon(s: Services): Reply {
  return card(
    renderCard("coming-soon", {
      title: "Offer a role for a secondee",
      paragraphs: [
        { text: "Soon you will fill in the role matching form here in Teams. It asks what the role involves, the skills it needs, the grade, where it is based, when it starts and how long it lasts." },
        { text: "When the programme team finds a possible match, I will tell you in your team's channel. You then meet the person for an informal chat." },
      ],
      programmeEmail: s.config.programmeTeam.email,
    }),
  );
}
