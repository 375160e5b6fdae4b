// Saving the /spur targets form. Field errors go back into the modal; the role is checked again here.
import type { App } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { isSpurError } from "../../../core/shared/errors.ts";
import { isMetricCode, type MetricCode } from "../../../core/kpi/kpi-catalogue.ts";
import { assertCanEditTargets, describeTargets } from "../../../core/kpi/kpi-admin.ts";
import { readTargetsForm, type TargetsFormField } from "../../../core/kpi/targets-form.ts";
import { TARGETS_VIEW } from "../../blocks/targets-modal.ts";

const Metadata = z.object({ teamId: z.string().uuid(), channelId: z.string().min(1) });
const Submission = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string().min(1) }).nullable(),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }))) }),
  }),
});

function fieldsOf(values: Record<string, Record<string, { value?: string | null }>>): Map<MetricCode, TargetsFormField> {
  const fields = new Map<MetricCode, TargetsFormField>();
  for (const [blockId, actions] of Object.entries(values)) {
    const [kind, code] = blockId.split(":");
    if (!code || !isMetricCode(code) || (kind !== "target" && kind !== "weight")) continue;
    const field = fields.get(code) ?? { target: null, weight: null };
    field[kind] = actions.value?.value ?? null;
    fields.set(code, field);
  }
  return fields;
}

export function registerKpiTargetsView(app: App, services: Services): void {
  app.view(TARGETS_VIEW, async ({ ack, body, client }) => {
    const parsed = Submission.safeParse(body);
    const meta = parsed.success ? Metadata.safeParse(safeJson(parsed.data.view.private_metadata)) : null;
    if (!parsed.success || !parsed.data.team || !meta?.success) {
      services.logger.warn("malformed targets form submission");
      await ack({ response_action: "errors", errors: {} });
      return;
    }
    const { teamId, channelId } = meta.data;
    let acked = false;
    try {
      const { workspace, defaultTeam } = await services.workspaces.ensure("slack", parsed.data.team.id, { teamTimeZone: services.defaultTimeZone });
      const [actor, team] = await Promise.all([
        services.members.byPlatformId(workspace, defaultTeam.id, parsed.data.user.id),
        services.workspaces.teamById(teamId),
      ]);
      if (!actor || !team || team.workspaceId !== workspace.id) throw new Error("actor or team not found");
      assertCanEditTargets(actor, team);
      const existing = await services.kpiTargets.forTeam(team.id);
      const form = readTargetsForm(fieldsOf(parsed.data.view.state.values), existing);
      if (!form.ok) {
        await ack({ response_action: "errors", errors: form.errors });
        return;
      }
      // Saved before the modal closes: a failure is still shown in the form.
      for (const target of form.set) await services.kpiTargets.set(team.id, target, actor.id);
      for (const metric of form.remove) await services.kpiTargets.remove(team.id, metric);
      await ack();
      acked = true;
      const text = describeTargets(team, await services.kpiTargets.forTeam(team.id));
      await client.chat.postEphemeral({ channel: channelId, user: actor.platformUserId, text: `:white_check_mark: Saved.\n${text}` });
    } catch (err) {
      const message = isSpurError(err) ? err.userMessage : "Spur couldn't save the targets. Please try again.";
      if (!isSpurError(err)) services.logger.error({ err }, "targets form failed");
      // Before the ack the message shows in the form; after it, privately in the channel the form came from.
      if (!acked) await ack({ response_action: "errors", errors: { "target:csat": message } });
      else await client.chat.postEphemeral({ channel: channelId, user: parsed.data.user.id, text: `:warning: ${message}` }).catch(() => undefined);
    }
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
