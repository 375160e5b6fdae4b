// The kudos form card's Send: validated with the same rules and messages as Slack's modal, given through the
// same core giveKudos, and any refusal shown in the card under the field it is about.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Services } from "../../app/services.ts";
import { isSpurError } from "../../core/shared/errors.ts";
import { kudosFormFieldFor, type KudosFormErrors, type KudosFormInput, validateKudosForm } from "../../core/recognition/kudos-form.ts";
import { type GiftOutcome, giveKudos, teamOf } from "../../core/recognition/kudos.ts";
import type { KudosSource, Member, Team, Workspace } from "../../core/shared/model.ts";
import type { TeamsMessage } from "../cards/adaptive-card.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { kudosFormCard } from "../cards/kudos-form.ts";
import { deliverGift } from "../../use-cases/recognition/deliver-gift.ts";
import { giftConfirmation } from "../../use-cases/recognition/kudos-bodies.ts";
import { renderCard } from "../render/card.ts";
import type { TeamsDeps } from "../command-context.ts";
import { teamsSpelling } from "../mentions.ts";
import { MAX_ROSTER, TeamsUsers } from "../teams-users.ts";
import { type CardAction, type CardActionContext, parseCardData } from "./card-action.ts";

/** Bot Framework user ids ("29:…" people, "28:…" bots the core refuses by name); a multi-select sends them comma-separated. */
const TEAMS_USER_ID = /^2[89]:[^,\s]+$/;

const Data = z.object({
  formId: z.string().uuid(),
  recipients: z.string().max(5000).optional(),
  points: z.union([z.string().max(20), z.number()]).optional(),
  reason: z.string().max(5000).optional(),
  value: z.string().max(100).optional(),
});

export interface KudosFormFor {
  workspace: Workspace;
  defaultTeam: Team;
  giver: Member;
  formId?: string;
  values?: Partial<KudosFormInput>;
  errors?: KudosFormErrors;
  intro?: string;
  /** People to offer besides the giver's teammates (a message's author). */
  extraPeople?: { platformUserId: string; displayName: string }[];
  messageLink?: string | null;
  send?: "execute" | "submit";
}

type Person = { platformUserId: string; displayName: string };

/**
 * Who the giver can pick: the team's Teams roster (so people Spur has not met yet are there too) and the members
 * Spur knows in the giver's team. Without the roster (Teams unreachable) the form still offers the known ones.
 */
async function formPeople(deps: TeamsDeps, input: KudosFormFor): Promise<Person[]> {
  const { services } = deps;
  const team = await teamOf(services, input.giver, input.defaultTeam);
  const known = (await services.roster.membersOf(team.id)).filter((m) => !m.isBot && !m.isDeactivated);
  let listed: Person[] = [];
  try {
    listed = (await new TeamsUsers(deps.adapter, deps.store).roster(input.workspace)) ?? [];
  } catch (err) {
    services.logger.warn({ err, workspaceId: input.workspace.id }, "Teams roster listing failed: the kudos form offers known members only");
  }
  const people = new Map<string, Person>();
  for (const p of [...listed, ...known, ...(input.extraPeople ?? [])]) {
    if (p.platformUserId !== input.giver.platformUserId && !people.has(p.platformUserId)) {
      people.set(p.platformUserId, { platformUserId: p.platformUserId, displayName: p.displayName });
    }
  }
  return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)).slice(0, MAX_ROSTER);
}

/** The form with the giver's teammates to pick from and the workspace's company values. */
export async function kudosForm(deps: TeamsDeps, input: KudosFormFor): Promise<TeamsMessage> {
  const [settings, people] = await Promise.all([deps.services.recognitionSettings.get(input.workspace.id), formPeople(deps, input)]);
  return kudosFormCard({
    settings,
    people,
    formId: input.formId ?? randomUUID(),
    ...(input.values ? { values: input.values } : {}),
    ...(input.errors ? { errors: input.errors } : {}),
    ...(input.intro ? { intro: input.intro } : {}),
    ...(input.messageLink ? { messageLink: input.messageLink } : {}),
    ...(input.send ? { send: input.send } : {}),
  });
}

const ESCAPED_MENTION = /<@([^>|]+)(?:\|[^>]*)?>/g;

/** Core messages name people as `<@id>`; a card shows their names. */
async function humanize(services: Services, workspace: Workspace, message: string): Promise<string> {
  const ids = [...message.matchAll(ESCAPED_MENTION)].map((m) => m[1] ?? "");
  const members = ids.length === 0 ? [] : await services.memberRepo.findByPlatformIds(workspace.id, ids);
  const names = new Map(members.map((m) => [m.platformUserId, m.displayName]));
  return teamsSpelling(message.replace(ESCAPED_MENTION, (_whole, id: string) => names.get(id) ?? "that person"));
}

/** Where a form's kudos come from: the form card (a command or a prompt) or a message's "Give kudos" action. */
export interface KudosFormOrigin {
  source: KudosSource;
  /** The message the kudos are for, stored with the gift and linked from the form and the shoutout. */
  messageLink: string | null;
  send: "execute" | "submit";
}

/**
 * A kudos form's submission: validated like Slack's modal and given through the core giveKudos, or the same
 * form back (with what was entered) and the refusal under the field it is about.
 */
export async function submitKudosForm(
  deps: TeamsDeps,
  ctx: CardActionContext,
  origin: KudosFormOrigin,
): Promise<{ given: GiftOutcome; confirmation: TeamsMessage } | { form: TeamsMessage }> {
  const { services } = deps;
  const data = parseCardData(Data, ctx);
  const values: KudosFormInput = {
    recipients: (data.recipients ?? "").split(",").map((id) => id.trim()).filter((id) => id !== ""),
    points: String(data.points ?? ""),
    reason: data.reason ?? "",
    value: data.value?.trim() ? data.value.trim() : null,
  };
  const again = async (errors: KudosFormErrors) => ({
    form: await kudosForm(deps, {
      workspace: ctx.workspace,
      defaultTeam: ctx.defaultTeam,
      giver: ctx.actor,
      formId: data.formId,
      values,
      errors,
      messageLink: origin.messageLink,
      send: origin.send,
    }),
  });
  const form = validateKudosForm(values, TEAMS_USER_ID);
  if (!form.ok) return again(form.errors);
  try {
    const outcome = await giveKudos(services, {
      workspace: ctx.workspace,
      defaultTeam: ctx.defaultTeam,
      giverPlatformId: ctx.actor.platformUserId,
      command: form.command,
      source: origin.source,
      sourceRef: origin.messageLink,
      // One form gives once per giver (a form card in a channel can be filled in by several people),
      // however often Send is clicked or Teams redelivers the invoke.
      idempotencyKey: `teams:form:${ctx.workspace.id}:${data.formId}:${ctx.actor.id}`,
    });
    const shoutoutChannelId = await deliverGift(services, outcome, ctx.conversationId);
    return { given: outcome, confirmation: renderCard(giftConfirmation(outcome, shoutoutChannelId, ctx.conversationId), ctx.workspace.locale) };
  } catch (err) {
    if (!isSpurError(err)) throw err;
    services.logger.info({ code: err.code }, "kudos form refused");
    return again({ [kudosFormFieldFor(err.code)]: await humanize(services, ctx.workspace, err.userMessage) });
  }
}

export const kudosFormSubmit: CardAction = {
  verb: CARD_VERBS.kudosSubmit,
  async run(deps, ctx) {
    const result = await submitKudosForm(deps, ctx, { source: "modal", messageLink: null, send: "execute" });
    return "given" in result ? { card: result.confirmation } : { card: result.form };
  },
};
