/** The parts of teams-js the tab uses, as one chunk the page loads only inside Teams (see personal.ts). */
export { app, authentication, pages } from "@microsoft/teams-js";
