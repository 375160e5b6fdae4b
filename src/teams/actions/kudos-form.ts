// The kudos form card's Send: validated with the same rules and messages as Slack's modal, given through the
// same core giveKudos, and any refusal shown in the card under the field it is about.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Services } from "../../app/services.ts";
import { isSpurError } from "../../core/errors.ts";
import { kudosFormFieldFor, type KudosFormErrors, type KudosFormInput, validateKudosForm } from "../../core/kudos-form.ts";
import { giveKudos, teamOf } from "../../core/kudos.ts";
import type { Member, Team, Workspace } from "../../core/model.ts";
import type { TeamsMessage } from "../cards/adaptive-card.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { kudosFormCard } from "../cards/kudos-form.ts";
import { kudosConfirmation } from "../cards/replies.ts";
import { shoutOutTeamsGift } from "../gift-shoutout.ts";
import type { TeamsDeps } from "../command-context.ts";
import { teamsSpelling } from "../mentions.ts";
import { MAX_ROSTER, TeamsUsers } from "../teams-users.ts";
import { type CardAction, parseCardData } from "./card-action.ts";

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
  for (const p of [...listed, ...known]) {
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

export const kudosFormSubmit: CardAction = {
  verb: CARD_VERBS.kudosSubmit,
  async run(deps, ctx) {
    const { services } = deps;
    const data = parseCardData(Data, ctx);
    const values: KudosFormInput = {
      recipients: (data.recipients ?? "").split(",").map((id) => id.trim()).filter((id) => id !== ""),
      points: String(data.points ?? ""),
      reason: data.reason ?? "",
      value: data.value?.trim() ? data.value.trim() : null,
    };
    const again = (errors: KudosFormErrors) =>
      kudosForm(deps, { workspace: ctx.workspace, defaultTeam: ctx.defaultTeam, giver: ctx.actor, formId: data.formId, values, errors });
    const form = validateKudosForm(values, TEAMS_USER_ID);
    if (!form.ok) return { card: await again(form.errors) };
    try {
      const outcome = await giveKudos(services, {
        workspace: ctx.workspace,
        defaultTeam: ctx.defaultTeam,
        giverPlatformId: ctx.actor.platformUserId,
        command: form.command,
        source: "modal",
        sourceRef: null,
        // One form gives once per giver (a form card in a channel can be filled in by several people),
        // however often Send is clicked or Teams redelivers the invoke.
        idempotencyKey: `teams:form:${ctx.workspace.id}:${data.formId}:${ctx.actor.id}`,
      });
      await shoutOutTeamsGift(services, outcome, ctx.defaultTeam, ctx.conversationId);
      return { card: kudosConfirmation(outcome) };
    } catch (err) {
      if (!isSpurError(err)) throw err;
      services.logger.info({ code: err.code }, "kudos form refused");
      return { card: await again({ [kudosFormFieldFor(err.code)]: await humanize(services, ctx.workspace, err.userMessage) }) };
    }
  },
};
