// The kudos form, opened by the kudos command alone, by "Give kudos for this message" and by
// the weekly prompt's "Give kudos": who, how many points, what they did, and a company value.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { KudosFormErrors, KudosFormInput } from "../../core/recognition/kudos-form.ts";
import { MAX_FORM_RECIPIENTS, MAX_FORM_REASON } from "../../core/recognition/kudos-form.ts";
import { teamOf } from "../../core/recognition/kudos.ts";
import type { RecognitionSettingsRepository } from "../../core/recognition/recognition-ports.ts";
import type { TeamRoster } from "../../core/feedback/feedback-ports.ts";
import type { WorkspaceRepository } from "../../core/shared/ports.ts";
import { localize } from "../../i18n/localize.ts";
import { link, msg, type Msg } from "../../i18n/message.ts";
import { PLAIN, spell } from "../../i18n/spell.ts";
import type { Field, Form } from "../form.ts";
import type { Interaction, Reply, Request } from "../interaction.ts";
import type { PeoplePicker, Person } from "./people-picker.ts";

/** The form's submission (Slack callback, Teams Action.Execute verb). */
export const KUDOS_FORM_ID = "kudos.submit";

/** The most people a listed picker offers (a card can't show more). */
const MAX_CHOICES = 500;

/** What the form carries from where it was opened to its submission. */
export const KudosFormState = z.object({
  /** Identifies one form: submitting it twice gives once (per giver). */
  formId: z.string().uuid().optional(),
  source: z.enum(["modal", "shortcut"]).default("modal"),
  /** Where it was opened (its confirmation goes there). */
  channelId: z.string().max(200).nullable().default(null),
  /** The message the kudos are for, stored with the gift and linked from the shoutout. */
  messageLink: z.string().max(2000).nullable().default(null),
});
export type KudosFormState = z.infer<typeof KudosFormState>;

export interface KudosFormDeps {
  recognitionSettings: Pick<RecognitionSettingsRepository, "get">;
  workspaces: Pick<WorkspaceRepository, "teamById">;
  roster: Pick<TeamRoster, "membersOf">;
  people: PeoplePicker;
}

export interface KudosFormArgs {
  /** How the form was opened: the command alone, a message's action, or the weekly prompt. */
  from?: "command" | "message" | "prompt";
  /** People picked already (a message's author). */
  recipients?: Person[];
  messageLink?: string | null;
}

/** What a form shows: where it came from, what was entered, and a refused submission's messages. */
export interface KudosFormContent {
  state: KudosFormState;
  values?: Partial<KudosFormInput>;
  /** People to offer besides the listed ones (a message's author). */
  extra?: Person[];
  prompt?: boolean;
  errors?: KudosFormErrors;
}

type FormRequest = Pick<Request<unknown>, "workspace" | "team" | "actor" | "locale">;

/**
 * Who the giver can pick where the platform lists people: its listing (people Spur hasn't met yet too) and the
 * members Spur knows in the giver's team; undefined where the platform's own picker finds them.
 */
async function choicesFor(deps: KudosFormDeps, req: FormRequest, extra: Person[]): Promise<{ id: string; name: string }[] | undefined> {
  const listed = await deps.people.listed(req.workspace);
  if (listed === null) return undefined;
  const team = await teamOf(deps, req.actor, req.team);
  const known = (await deps.roster.membersOf(team.id)).filter((m) => !m.isBot && !m.isDeactivated);
  const people = new Map<string, { id: string; name: string }>();
  for (const p of [...listed, ...known, ...extra]) {
    if (p.platformUserId !== req.actor.platformUserId && !people.has(p.platformUserId)) people.set(p.platformUserId, { id: p.platformUserId, name: p.displayName });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, MAX_CHOICES);
}

function noticeOf(content: KudosFormContent, locale: FormRequest["locale"]): Msg | undefined {
  const { messageLink } = content.state;
  if (messageLink) return msg("kudos.form.forMessage", { message: link(messageLink, spell(localize(msg("kudos.form.thisMessage"), locale), PLAIN)) });
  return content.prompt ? msg("kudos.form.promptIntro") : undefined;
}

export async function kudosFormOf(deps: KudosFormDeps, req: FormRequest, content: KudosFormContent): Promise<Form> {
  const values = content.values ?? {};
  const [settings, choices] = await Promise.all([deps.recognitionSettings.get(req.workspace.id), choicesFor(deps, req, content.extra ?? [])]);
  const fields: Field[] = [
    {
      kind: "members",
      id: "recipients",
      label: msg("kudos.form.who"),
      placeholder: msg("kudos.form.whoPlaceholder"),
      initial: values.recipients ?? [],
      max: MAX_FORM_RECIPIENTS,
      ...(choices ? { choices } : {}),
    },
    { kind: "number", id: "points", label: msg("kudos.form.points", { max: settings.maxPointsPerGift }), initial: Number(values.points) || 1, min: 1, max: settings.maxPointsPerGift },
    { kind: "text", id: "reason", label: msg("kudos.form.reason"), multiline: true, maxLength: MAX_FORM_REASON, ...(values.reason ? { initial: values.reason } : {}) },
  ];
  if (settings.companyValues.length > 0) {
    fields.push({
      kind: "select",
      id: "value",
      label: msg("kudos.form.value"),
      optional: !settings.valueRequired,
      choices: settings.companyValues.slice(0, 100).map((v) => ({ value: v, label: msg("kudos.form.valueTag", { tag: v }) })),
      ...(values.value ? { initial: values.value } : {}),
    });
  }
  const notice = noticeOf(content, req.locale);
  return {
    id: KUDOS_FORM_ID,
    title: msg("kudos.form.title"),
    submit: msg("kudos.form.send"),
    state: JSON.stringify(content.state),
    flatState: true,
    fields,
    ...(notice ? { notice } : {}),
    ...(content.errors ? { errors: content.errors } : {}),
  };
}

export const openKudosForm: Interaction<KudosFormDeps, KudosFormArgs> = {
  name: "kudos.form",
  async run(deps, req: Request<KudosFormArgs>): Promise<Reply[]> {
    const { from = "command", recipients = [], messageLink = null } = req.args;
    const state: KudosFormState = { formId: randomUUID(), source: from === "message" ? "shortcut" : "modal", channelId: req.place.channelId, messageLink };
    const form = await kudosFormOf(deps, req, {
      state,
      values: { recipients: recipients.map((p) => p.platformUserId) },
      extra: recipients,
      prompt: from === "prompt",
    });
    return [{ kind: "form", form }];
  },
};
