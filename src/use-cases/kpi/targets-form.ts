// The KPI targets form, the same on every surface, opened by `spur targets edit` for the actor's own team or
// `spur team <name> targets edit` for a named one (its leads, admins): a target, a weight and a period per KPI
// of the catalogue, the target empty for a KPI the team does not score; the notice names the team.
import { z } from "zod";
import { assertCanEditTargets, type TargetsDeps } from "../../core/kpi/kpi-admin.ts";
import { METRICS, type MetricCode } from "../../core/kpi/kpi-catalogue.ts";
import { metricLabel } from "../../core/kpi/kpi-messages.ts";
import type { KpiTarget } from "../../core/kpi/kpi-ports.ts";
import { periodField, targetField, weightField } from "../../core/kpi/targets-form.ts";
import { PERIOD_KINDS } from "../../core/shared/review-period.ts";
import type { Team } from "../../core/shared/model.ts";
import type { WorkspaceRepository } from "../../core/shared/ports.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import type { Field, Form } from "../form.ts";
import type { Interaction, Reply, Request } from "../interaction.ts";
import { teamOf } from "./scorecard-view.ts";

/** The form's submission (Slack callback, Teams Action.Execute verb). */
export const TARGETS_FORM_ID = "kpi.targets";

/** What the form carries from where it was opened to its submission. */
export const TargetsFormState = z.object({
  v: z.literal(1).default(1),
  /** The team whose targets it edits. */
  teamId: z.string().uuid(),
  /** Where it was opened (the confirmation goes there). */
  channelId: z.string().max(200).nullable().default(null),
});
export type TargetsFormState = z.infer<typeof TargetsFormState>;

/** The state as the form carried it back; null when Spur can't read it. */
export function readTargetsFormState(raw: string): TargetsFormState | null {
  try {
    const parsed = TargetsFormState.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A submission's values by field id, as the surface read them (strings; null or absent when left empty). */
export const TargetsFormValues = z.record(z.string().max(100), z.string().max(50).nullable().optional());
export type TargetsFormValues = z.infer<typeof TargetsFormValues>;

export type TargetsFormDeps = TargetsDeps & { workspaces: Pick<WorkspaceRepository, "teamById"> };

export interface TargetsFormContent {
  state: TargetsFormState;
  /** What a refused submission said, shown again; the saved targets otherwise. */
  values?: TargetsFormValues;
  errors?: Partial<Record<string, Msg>>;
}

function numberOf(raw: string | null | undefined): number | undefined {
  const n = raw === undefined || raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function savedValues(targets: KpiTarget[]): TargetsFormValues {
  return Object.fromEntries(
    targets.flatMap((t) => [
      [targetField(t.metric), String(t.target)],
      [weightField(t.metric), String(t.weight)],
      [periodField(t.metric), t.period],
    ]),
  );
}

export function targetsFormOf(team: Team, targets: KpiTarget[], content: TargetsFormContent): Form {
  const values = content.values ?? savedValues(targets);
  const number = (id: string, label: Msg, max?: number): Field => {
    const initial = numberOf(values[id]);
    return { kind: "number", id, label, min: 0, ...(max !== undefined ? { max } : {}), decimal: true, optional: true, ...(initial !== undefined ? { initial } : {}) };
  };
  const period = (metric: MetricCode): Field => {
    const typed = values[periodField(metric)];
    const initial = PERIOD_KINDS.find((k) => k === typed) ?? "month";
    const choices = PERIOD_KINDS.map((k) => ({ value: k, label: msg("targetsForm.periodChoice", { period: k }) }));
    return { kind: "select", id: periodField(metric), label: msg("targetsForm.period", { label: metricLabel(metric) }), choices, initial };
  };
  const fields = [...METRICS.values()].flatMap((def) => [
    number(targetField(def.code), msg("targetsForm.target", { label: metricLabel(def.code), unit: def.unit, direction: def.direction })),
    number(weightField(def.code), msg("targetsForm.weight", { label: metricLabel(def.code) }), 100),
    period(def.code),
  ]);
  const errors = Object.fromEntries(Object.entries(content.errors ?? {}).filter(([, m]) => m !== undefined));
  return {
    id: TARGETS_FORM_ID,
    title: msg("targetsForm.title", { team: team.name }),
    shortTitle: msg("targetsForm.shortTitle"),
    submit: msg("targetsForm.save"),
    notice: msg("targetsForm.notice", { team: team.name }),
    state: JSON.stringify(content.state),
    fields,
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
}

/** The form with `team`'s targets, for its leads and admins. */
export async function targetsFormReply(deps: TargetsFormDeps, req: Request<unknown>, team: Team): Promise<Reply[]> {
  await assertCanEditTargets(deps, req.actor, team);
  const targets = await deps.kpiTargets.forTeam(team.id);
  return [{ kind: "form", form: targetsFormOf(team, targets, { state: { v: 1, teamId: team.id, channelId: req.place.channelId } }) }];
}

/** `spur targets edit`: the form for the actor's own team (`spur team <name> targets edit`: a named one). */
export const openTargetsForm: Interaction<TargetsFormDeps, object> = {
  name: "kpi.targets.form",
  run: async (deps, req) => targetsFormReply(deps, req, await teamOf(deps, req.actor, req.team)),
};
