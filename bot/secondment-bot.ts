import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type FileConsentCardResponse,
  type InvokeResponse,
} from "botbuilder";
import { z } from "zod";
import { ALL_VERBS, CARD_CONTENT_TYPE, KEEP_CARD, VERBS } from "../cards";
import { DEFAULT_LANG, langFromLocale, t, type Lang } from "../src/i18n";
import { noteVerb, turnSpan } from "../src/telemetry";
import type { ConversationRepository } from "../src/store/conversations";
import { conversationRecordOf, personOf, scopeOf, tenantOf } from "./conversation-record";
import { MAX_QUESTION_LENGTH } from "./handlers/faq";
import { languageFor, text, type Caller, type Reply, type Services } from "./handlers/types";
import { welcome } from "./handlers/welcome";
import { channelWelcome } from "./handlers/channel";
import { commandFor, dispatch } from "./router";
import { exportFile, EXPORT_FILE_NAME } from "./handlers/privacy";

/** Where Teams lets the bot put an accepted file: OneDrive over https (or this machine, in development). */
export function uploadUrlAllowed(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === "https:" || (u.protocol === "http:" && (u.hostname === "127.0.0.1" || u.hostname === "localhost"));
  } catch {
    return false;
  }
}

/** The key under which a turn keeps the language it answers in, for the turn error handler (bot/app.ts). */
export const TURN_LANG = Symbol("turnLang");

/** The language of a turn: the caller's, once known; else what the activity's Teams locale asks for. */
export function turnLang(ctx: TurnContext): Lang {
  return (ctx.turnState.get(TURN_LANG) as Lang | undefined) ?? langFromLocale(ctx.activity.locale) ?? DEFAULT_LANG;
}

/** The Action.Execute invoke payload, checked before anything reads it. */
const ExecuteValueSchema = z.object({
  action: z.object({
    type: z.literal("Action.Execute"),
    verb: z.string().max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

export function toInvokeResponse(reply: Reply): InvokeResponse {
  return {
    status: 200,
    body:
      reply.kind === "card"
        ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: reply.card }
        : { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: reply.text },
  };
}

export function toActivity(reply: Reply) {
  return reply.kind === "card" ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(reply.text);
}

/**
 * The Teams face: turns activities into verb + data, runs them through the router, and turns the
 * replies into messages or invoke responses. No programme rules live here.
 */
export class SecondmentBot extends TeamsActivityHandler {
  constructor(
    private readonly s: Services,
    private readonly conversations: ConversationRepository,
  ) {
    super();

    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });

    this.onMembersAdded(async (ctx, next) => {
      const botAdded = (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient.id);
      if (botAdded) {
        const scope = scopeOf(ctx.activity);
        const person = personOf(ctx.activity);
        const lang = person ? await languageFor(this.s, person, ctx.activity.locale) : (langFromLocale(ctx.activity.locale) ?? DEFAULT_LANG);
        const reply = scope === "personal" ? welcome(this.s, undefined, false, lang) : scope === "channel" ? await channelWelcome(this.s, tenantOf(ctx.activity) ?? "", ctx.activity.conversation.id) : text(t(lang, "welcome.group"));
        await ctx.sendActivity(toActivity(reply));
      }
      await next();
    });

    this.onInstallationUpdate(async (ctx, next) => {
      await this.rememberConversation(ctx, true);
      await next();
    });
  }

  override async run(ctx: TurnContext): Promise<void> {
    // Telemetry: one span per turn (no personal data: type, scope, verb, duration, outcome).
    await turnSpan({ activityType: ctx.activity.type, scope: scopeOf(ctx.activity) }, async () => {
      await this.rememberConversation(ctx, false);
      await super.run(ctx);
    });
  }

  /** Run a verb through the router, noting it for telemetry (only verbs from the app's own list). */
  private dispatch(caller: Caller, verb: unknown, data: Record<string, unknown>): Promise<Reply> {
    noteVerb(typeof verb === "string" && (ALL_VERBS as readonly string[]).includes(verb) ? verb : "unknown");
    return dispatch(this.s, caller, verb, data);
  }

  /**
   * Keep how to reach this conversation: always on install and uninstall; otherwise only when the
   * reference differs from what is stored. The repository remembers what it last stored, so an
   * ordinary turn makes no store call for this (see ConversationRepository.remember).
   */
  private async rememberConversation(ctx: TurnContext, force: boolean): Promise<void> {
    const record = conversationRecordOf(ctx.activity, this.s.now());
    if (!record) return;
    if (force && record.user && !record.user.name && !ctx.activity.action?.startsWith("remove")) {
      // An install without the person's name (the Playground's, for one): ask the roster, so
      // the line-manager picker can offer them before they ever write to the bot.
      try {
        const member = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
        if (member.name?.trim()) record.user = { ...record.user, name: member.name.trim() };
      } catch (err) {
        this.s.log.debug("roster lookup failed", { code: (err as { statusCode?: number }).statusCode });
      }
    }
    if (force) await this.conversations.save(record);
    else await this.conversations.remember(record);
  }

  private async caller(ctx: TurnContext): Promise<Caller | undefined> {
    const person = personOf(ctx.activity);
    if (!person) return undefined;
    const lang = await languageFor(this.s, person, ctx.activity.locale);
    ctx.turnState.set(TURN_LANG, lang);
    const log = this.s.log;
    return {
      person,
      scope: scopeOf(ctx.activity),
      conversationId: ctx.activity.conversation.id,
      userId: ctx.activity.from.id,
      serviceUrl: ctx.activity.serviceUrl,
      lang,
      ...(ctx.activity.from.name ? { name: ctx.activity.from.name } : {}),
      async profile() {
        // The roster knows the person's email; if Teams cannot tell us, the form asks for it.
        try {
          const member = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
          return {
            ...(member.name ? { name: member.name } : {}),
            ...(member.email ? { email: member.email } : member.userPrincipalName?.includes("@") ? { email: member.userPrincipalName } : {}),
          };
        } catch (err) {
          log.debug("roster lookup failed", { code: (err as { statusCode?: number }).statusCode });
          return {};
        }
      },
    };
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const caller = await this.caller(ctx);
    if (!caller) {
      await ctx.sendActivity(t(turnLang(ctx), "errors.unknownSender"));
      return;
    }
    const value = ctx.activity.value as Record<string, unknown> | undefined;
    if (value && typeof value === "object" && !Array.isArray(value) && "verb" in value) {
      // Action.Submit from a card: the button's data arrives as the message value.
      const { verb, ...data } = value;
      await ctx.sendActivity(toActivity(await this.dispatch(caller, verb, data)));
      return;
    }
    const typed = (TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? "")
      .replace(/<at>[^<]*<\/at>/g, "")
      .trim();
    if (!typed) {
      await ctx.sendActivity(t(caller.lang, "errors.noText"));
      return;
    }
    if (typed.length > MAX_QUESTION_LENGTH) {
      await ctx.sendActivity(t(caller.lang, "errors.tooLong", { max: MAX_QUESTION_LENGTH }));
      return;
    }
    const { verb, data } = commandFor(typed);
    // Help in a team channel explains what the bot does there, not the personal menu.
    const reply =
      caller.scope === "channel" && verb === VERBS.showMenu
        ? await channelWelcome(this.s, caller.person.tenantId, ctx.activity.conversation.id)
        : await this.dispatch(caller, verb, data);
    await ctx.sendActivity(toActivity(reply));
  }

  /**
   * The person allowed the export file offered in their 1:1 chat: build it again for whoever
   * pressed Allow (never anyone else), put it where Teams says, then show it as a file card.
   */
  protected override async handleTeamsFileConsentAccept(ctx: TurnContext, response: FileConsentCardResponse): Promise<void> {
    const caller = await this.caller(ctx);
    const info = response.uploadInfo;
    if (!caller || caller.scope !== "personal" || (response.context as { export?: unknown } | undefined)?.export !== "mine" || !info?.uploadUrl || !uploadUrlAllowed(info.uploadUrl)) {
      this.s.log.info("file consent refused", { hasCaller: Boolean(caller) });
      await ctx.sendActivity(MessageFactory.text(t(caller?.lang ?? turnLang(ctx), "errors.file.notSaved")));
      return;
    }
    const bytes = await exportFile(this.s, caller.person, caller.name, caller.lang);
    const put = await fetch(info.uploadUrl, {
      method: "PUT",
      headers: { "content-type": "application/json", "content-range": `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: new Uint8Array(bytes),
    });
    if (!put.ok) {
      this.s.log.warn("export upload failed", { status: put.status });
      await ctx.sendActivity(MessageFactory.text(t(caller.lang, "errors.file.refused")));
      return;
    }
    await ctx.sendActivity({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.card.file.info",
          contentUrl: info.contentUrl,
          name: info.name ?? EXPORT_FILE_NAME,
          content: { uniqueId: info.uniqueId, fileType: info.fileType ?? "json" },
        },
      ],
    });
  }

  protected override async handleTeamsFileConsentDecline(ctx: TurnContext): Promise<void> {
    const caller = await this.caller(ctx);
    await ctx.sendActivity(MessageFactory.text(t(caller?.lang ?? turnLang(ctx), "errors.file.declined")));
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    if (ctx.activity.name !== "adaptiveCard/action") return super.onInvokeActivity(ctx);
    const caller = await this.caller(ctx);
    const parsed = ExecuteValueSchema.safeParse(ctx.activity.value);
    if (!caller || !parsed.success) {
      this.s.log.info("unreadable card action", { hasCaller: Boolean(caller) });
      const lang = caller?.lang ?? langFromLocale(ctx.activity.locale) ?? DEFAULT_LANG;
      return toInvokeResponse(welcome(this.s, t(lang, "menu.unreadable"), false, lang));
    }
    const { verb, data } = parsed.data.action;
    const { [KEEP_CARD]: keep, ...rest } = data ?? {};
    const reply = await this.dispatch(caller, verb, rest);
    if (keep !== true) return toInvokeResponse(reply);
    // A menu stays where it is: the answer is a new message below it, and the invoke answer is a
    // short line Teams shows by the button (no card in it, so the menu is not replaced).
    await ctx.sendActivity(toActivity(reply));
    return toInvokeResponse(text(t(caller.lang, "menu.answerBelow")));
  }
}
