// A team's KPI targets as a neutral body: one line per target (value in its unit, weight and share of the
// composite, minimum volume), the composite's formula under them; how to set one when there are none.
import { metric } from "../../core/kpi/kpi-catalogue.ts";
import { metricLabel } from "../../core/kpi/kpi-messages.ts";
import type { KpiTarget } from "../../core/kpi/kpi-ports.ts";
import type { Team } from "../../core/shared/model.ts";
import { code, command, msg, type Msg } from "../../i18n/message.ts";
import { type Block, type Body, heading, subtle } from "../body.ts";
import { kpiValue, volumeNoun } from "../posts/post-wording.ts";

function targetLine(target: KpiTarget, totalWeight: number): Msg {
  const def = metric(target.metric);
  return msg("kpiAdmin.targets.line", {
    label: metricLabel(target.metric),
    kpi: code(target.metric),
    direction: def.direction,
    target: kpiValue(def, target.target),
    period: target.period,
    weight: target.weight,
    hasShare: totalWeight > 0 ? "yes" : "no",
    share: totalWeight > 0 ? target.weight / totalWeight : 0,
    min: target.minVolume ?? def.minVolume,
    volume: volumeNoun(def),
  });
}

/** `prefix`: how the command names the team's targets ("targets", "team Tier 1 targets"). */
export function targetsBlocks(team: Team, targets: KpiTarget[], prefix = "targets"): Block[] {
  if (targets.length === 0) return [{ kind: "text", text: msg("kpiAdmin.targets.none", { team: team.name, command: command("spur", `${prefix} set csat 90 weight 2`) }) }];
  const total = targets.reduce((sum, t) => sum + t.weight, 0);
  return [
    heading(msg("kpiAdmin.targets.title", { team: team.name })),
    { kind: "lines", lines: targets.map((t) => targetLine(t, total)) },
    subtle(msg("kpiAdmin.targets.formula")),
  ];
}

export function targetsBody(team: Team, targets: KpiTarget[], prefix?: string): Body {
  return { blocks: targetsBlocks(team, targets, prefix) };
}

/** What a change says: done, and the targets as they now are. */
export function targetsSavedBody(team: Team, targets: KpiTarget[], prefix?: string): Body {
  return { tone: "success", blocks: [{ kind: "text", text: msg("kpiAdmin.targets.saved") }, ...targetsBlocks(team, targets, prefix)] };
}
