// The /spur targets modal: one target and one weight per KPI of the catalogue.
import type { types } from "@slack/bolt";
import { METRICS } from "../../core/kpi/kpi-catalogue.ts";
import type { KpiTarget } from "../../core/kpi/kpi-ports.ts";
import type { KnownBlock } from "./format.ts";

export const TARGETS_VIEW = "kpi_targets";

const UNIT_HINT = { percent: "%", minutes: "minutes", hours: "hours", points: "points", count: "count", rating: "1–5" } as const;

export function targetsModal(input: { teamId: string; teamName: string; channelId: string; targets: KpiTarget[] }): types.View {
  const current = new Map(input.targets.map((t) => [t.metric, t]));
  const blocks: KnownBlock[] = [
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: "Leave a target empty for a KPI the team does not score. Composite = Σ(weight × min(attainment, 100%)) ÷ Σweight." }],
    },
  ];
  for (const def of METRICS.values()) {
    const existing = current.get(def.code);
    blocks.push(
      {
        type: "input",
        block_id: `target:${def.code}`,
        optional: true,
        label: { type: "plain_text", text: `${def.label} — target (${UNIT_HINT[def.unit]}, ${def.direction} is better)` },
        element: {
          type: "number_input",
          action_id: "value",
          is_decimal_allowed: true,
          min_value: "0",
          ...(existing ? { initial_value: String(existing.target) } : {}),
        },
      },
      {
        type: "input",
        block_id: `weight:${def.code}`,
        optional: true,
        label: { type: "plain_text", text: `${def.label} — weight` },
        element: {
          type: "number_input",
          action_id: "value",
          is_decimal_allowed: true,
          min_value: "0",
          max_value: "100",
          ...(existing ? { initial_value: String(existing.weight) } : {}),
        },
      },
    );
  }
  return {
    type: "modal",
    callback_id: TARGETS_VIEW,
    private_metadata: JSON.stringify({ teamId: input.teamId, channelId: input.channelId }),
    title: { type: "plain_text", text: "KPI targets" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: `*${input.teamName}*` } }, ...blocks],
  };
}
