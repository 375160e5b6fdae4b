// The private lead digest, sent to each lead by direct message: every agent's numbers, who needs attention.
import type { AgentKpi } from "../../core/digests/kpi-digest.ts";
import type { LeadDigest } from "../../core/digests/lead-digest.ts";
import { command, list, msg, type Msg, when } from "../../i18n/message.ts";
import { type Block, type Body, heading, subtle } from "../body.ts";
import { compositeChange, dotted, joined, kpiName, kpiValue, kudosCount, scorePct, spanParam, who } from "./post-wording.ts";

/** An agent's KPI: "CSAT 85% (94.4%)", "FRT n/a". */
function agentKpi(kpi: AgentKpi): Msg {
  const name = kpiName(kpi.def);
  if (!kpi.enough || kpi.value === null) return msg("leadDigest.kpiNone", { name });
  const value = kpiValue(kpi.def, kpi.value);
  return kpi.attainment === null ? msg("leadDigest.kpi", { name, value }) : msg("leadDigest.kpiAttained", { name, value, pct: scorePct(kpi.attainment * 100) });
}

/** "85.2% (▲ +2 pts vs last week)", "no score". */
function agentScore(composite: number | null, previous: number | null): Msg {
  if (composite === null) return msg("leadDigest.noScore");
  const change = compositeChange(composite, previous);
  return change ? msg("leadDigest.scoreChange", { score: scorePct(composite), change }) : scorePct(composite);
}

/** The day something is due: `dueAt` is the exclusive end of that day. */
function dueDay(dueAt: Date, timeZone: string) {
  return when(new Date(dueAt.getTime() - 1), timeZone, "day");
}

export function leadDigestBody(digest: LeadDigest): Body {
  const title = msg("leadDigest.title", { team: digest.teamName, period: spanParam(digest.span) });
  const tz = digest.period.timeZone;
  const blocks: Block[] = [
    heading(title),
    subtle(msg("leadDigest.private", { score: digest.teamComposite === null ? msg("leadDigest.noScore") : scorePct(digest.teamComposite) })),
  ];
  if (digest.agents.length > 0) {
    const lines = digest.agents.map((a) =>
      msg("leadDigest.agent", { who: who(a.member), score: agentScore(a.composite, a.previousComposite), kpis: dotted([...a.kpis.map(agentKpi), kudosCount(a.kudosReceived)]) }),
    );
    blocks.push({ kind: "lines", lines: [msg("leadDigest.agents"), ...lines] });
  }
  blocks.push({
    kind: "lines",
    lines: [
      msg("leadDigest.underTarget"),
      ...(digest.underTarget.length === 0
        ? [msg("leadDigest.nobodyUnder")]
        : digest.underTarget.map((u) => msg("leadDigest.under", { who: who(u.member), missed: joined(u.missed.map(agentKpi), "post.comma") }))),
    ],
  });
  blocks.push({
    kind: "lines",
    lines: [
      msg("leadDigest.unrecognisedTitle"),
      digest.underRecognised.length === 0
        ? msg("leadDigest.everyoneRecognised")
        : msg("leadDigest.unrecognised", { who: list(digest.underRecognised.map(who)) }),
    ],
  });
  blocks.push({
    kind: "lines",
    lines: [
      msg("leadDigest.pendingTitle"),
      ...(digest.pendingFeedback.length === 0
        ? [msg("leadDigest.noPending")]
        : digest.pendingFeedback.map((p) => msg("leadDigest.pending", { who: who(p.subject), answered: p.answered, asked: p.asked, due: dueDay(p.dueAt, tz) }))),
    ],
  });
  return { summary: title, overflow: msg("leadDigest.more", { scorecard: command("scorecard", "@agent") }), blocks };
}
