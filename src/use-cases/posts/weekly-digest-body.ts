// The weekly team digest: KPIs against targets, movers, recognition, customer voice, participation, the chart.
import type { WeeklyDigest } from "../../core/digests/digest.ts";
import type { FeedbackParticipation } from "../../core/digests/digest-ports.ts";
import type { Mover, TeamKpiLine } from "../../core/digests/kpi-digest.ts";
import { compositeFormula } from "../../core/kpi/scorecard-wording.ts";
import { command, msg, type Msg, type Param } from "../../i18n/message.ts";
import { type Block, type Body, heading, subtle } from "../body.ts";
import { proRataNote } from "../../core/kpi/kpi-messages.ts";
import { compositeChange, dotted, kpiName, kpiValue, scorePct, signedPoints, spanParam, volumeNoun, who } from "./post-wording.ts";

/** "92.5% · target 90% · 100% of target · ▲ from 88% (better)", or why the KPI is not scored. */
export function teamKpiPhrase(line: TeamKpiLine): Param {
  const { def, target, current, previous } = line;
  if (!current.enough || current.aggregate.value === null) {
    return msg("digest.kpi.notEnough", {
      volume: current.aggregate.volume,
      min: target.minVolume ?? def.minVolume,
      noun: volumeNoun(def),
      target: kpiValue(def, current.goal?.value ?? target.target),
    });
  }
  const value = current.aggregate.value;
  const goal = current.goal?.value ?? target.target;
  const parts: Msg[] = [kpiValue(def, value), msg("digest.kpi.target", { target: kpiValue(def, goal), proRata: proRataNote(def, current.goal) })];
  if (current.attainment !== null) {
    parts.push(current.attainment >= 1 ? msg("digest.kpi.onTarget") : msg("digest.kpi.ofTarget", { pct: scorePct(current.attainment * 100) }));
  }
  const before = previous.enough ? previous.aggregate.value : null;
  if (before === null) parts.push(msg("digest.kpi.noPrevious"));
  else if (Math.abs(before - value) < 1e-9) parts.push(msg("digest.change.same"));
  else {
    const better = (value > before) === (def.direction === "higher");
    parts.push(msg("digest.kpi.from", { up: value > before ? "yes" : "no", before: kpiValue(def, before), better: better ? "yes" : "no" }));
  }
  return dotted(parts);
}

function moverLine(key: "digest.moverUp" | "digest.moverDown", m: Mover): Msg {
  return msg(key, { who: who(m.member), points: signedPoints(m.delta), score: scorePct(m.composite) });
}

function kpiBlocks(digest: WeeklyDigest): Block[] {
  const { kpis, movers } = digest;
  if (kpis.lines.length === 0) return [];
  const score = kpis.composite.score;
  const head = score === null ? msg("digest.compositeNone") : msg("digest.composite", { score: scorePct(score), change: compositeChange(score, kpis.previousComposite) });
  const blocks: Block[] = [{ kind: "lines", lines: [head, ...kpis.lines.map((l) => msg("digest.kpiLine", { name: kpiName(l.def), phrase: teamKpiPhrase(l) }))] }];
  // The formula names each KPI in the reader's language (the composite's own formula names their codes).
  const formula = compositeFormula(kpis.composite);
  if (formula) blocks.push(subtle(msg("digest.formula", { formula })));
  const moverLines = [...movers.up.map((m) => moverLine("digest.moverUp", m)), ...movers.down.map((m) => moverLine("digest.moverDown", m))];
  if (movers.down.length === 0 && movers.downCount > 0) moverLines.push(msg("digest.anonymousFalls", { count: movers.downCount }));
  if (moverLines.length > 0) blocks.push({ kind: "lines", lines: [msg("digest.movers"), ...moverLines] });
  return blocks;
}

/** "2 feedback requests: 3 of 5 peers answered · 4 recognition prompts: 2 followed by kudos". */
export function feedbackPhrase(f: FeedbackParticipation): Msg {
  return dotted([
    f.requests === 0 ? msg("digest.feedback.noRequests") : msg("digest.feedback.requests", { requests: f.requests, answered: f.answered, asked: f.asked }),
    f.promptsSent === 0 ? msg("digest.feedback.noPrompts") : msg("digest.feedback.prompts", { sent: f.promptsSent, answered: f.promptsAnswered }),
  ]);
}

export function weeklyDigestTitle(digest: Pick<WeeklyDigest, "teamName" | "span">): Msg {
  return msg("digest.title", { team: digest.teamName, period: spanParam(digest.span) });
}

export function weeklyDigestBody(digest: WeeklyDigest): Body {
  const { kudos } = digest;
  const title = weeklyDigestTitle(digest);
  const blocks: Block[] = [heading(title), ...kpiBlocks(digest)];
  if (blocks.length > 1) blocks.push({ kind: "divider" });
  blocks.push({
    kind: "text",
    text:
      kudos.count === 0
        ? msg("digest.noKudos", { example: command("kudos", "@teammate what they did") })
        : msg("digest.kudosSummary", { count: kudos.count, points: kudos.points, givers: kudos.givers }),
  });
  if (kudos.topRecipients.length > 0) {
    const lines = kudos.topRecipients.map((r, i) => msg("digest.recipient", { rank: String(i + 1), who: who(r), points: r.points, count: r.count }));
    blocks.push({ kind: "lines", lines: [msg("digest.mostRecognised"), ...lines] });
  }
  if (digest.rankingsHidden) blocks.push(subtle(msg("post.rankingsHidden")));
  if (kudos.values.length > 0) {
    const values = kudos.values.map((v) => msg("digest.value", { value: v.value, count: v.count }));
    blocks.push(subtle(msg("post.values", { values: dotted(values) })));
  }
  if (digest.customerKudos.length > 0) {
    const lines = digest.customerKudos.map((c) =>
      msg("digest.customerKudos", { comment: c.comment.slice(0, 300).replaceAll("\n", " "), who: who(c.recipient), via: c.via }),
    );
    blocks.push({ kind: "lines", lines: [msg("digest.customers"), ...lines] });
  }
  blocks.push(subtle(msg("digest.feedback", { phrase: feedbackPhrase(digest.feedback) })));
  blocks.push({ kind: "chart", trend: digest.trend });
  return { summary: title, blocks };
}
