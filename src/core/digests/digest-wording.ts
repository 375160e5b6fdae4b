// Platform-neutral phrases of the weekly digests, shared by the Block Kit and Adaptive Card renderers.
import type { FeedbackParticipation } from "./digest-ports.ts";
import { formatMetricValue } from "../kpi/kpi-catalogue.ts";
import type { AgentKpi, Mover, TeamKpiLine } from "./kpi-digest.ts";
import type { PendingFeedbackRequest } from "./digest-ports.ts";
import { dueDayLabel, plural } from "../shared/wording.ts";

/** A 0–100 score: "87.5%". */
export function scorePct(score: number): string {
  return `${(Math.round(score * 10) / 10).toString()}%`;
}

/** Composite points between two weeks: "+2.5 pts", "−1 pt". */
export function signedPoints(delta: number): string {
  const rounded = Math.round(Math.abs(delta) * 10) / 10;
  return `${delta < 0 ? "−" : "+"}${rounded} ${rounded === 1 ? "pt" : "pts"}`;
}

/** "▲ +2.5 pts vs last week", "no score last week". */
export function compositeChange(current: number | null, previous: number | null): string {
  if (current === null) return "";
  if (previous === null) return "no score last week";
  const delta = current - previous;
  if (Math.abs(delta) < 0.05) return "same as last week";
  return `${delta > 0 ? "▲" : "▼"} ${signedPoints(delta)} vs last week`;
}

/** "92.5% · target 90% · 100% of target · ▲ from 88%", or why the KPI is not scored. */
export function teamKpiPhrase(line: TeamKpiLine): string {
  const { def, target, current, previous } = line;
  if (!current.enough || current.aggregate.value === null) {
    const min = target.minVolume ?? def.minVolume;
    return `not enough data (${current.aggregate.volume} of ${min} ${def.volumeNoun}) · target ${formatMetricValue(def, target.target)}`;
  }
  const value = current.aggregate.value;
  const parts = [formatMetricValue(def, value), `target ${formatMetricValue(def, target.target)}`];
  if (current.attainment !== null) parts.push(current.attainment >= 1 ? "on target ✓" : `${scorePct(current.attainment * 100)} of target`);
  const before = previous.enough ? previous.aggregate.value : null;
  if (before === null) parts.push("no data last week");
  else if (Math.abs(before - value) < 1e-9) parts.push("same as last week");
  else {
    const better = (value > before) === (def.direction === "higher");
    parts.push(`${value > before ? "▲" : "▼"} from ${formatMetricValue(def, before)} (${better ? "better" : "worse"})`);
  }
  return parts.join(" · ");
}

/** "+12.5 pts (now 87.5%)". */
export function moverPhrase(mover: Mover): string {
  return `${signedPoints(mover.delta)} (now ${scorePct(mover.composite)})`;
}

/** "2 agents' composite fell (names go to leads only)". */
export function anonymousFalls(count: number): string {
  return `${plural(count, "agent's composite", "agents' composites")} fell this week (names go to leads only).`;
}

/** "2 feedback requests: 3 of 5 peers answered · 4 recognition prompts: 2 followed by kudos". */
export function feedbackPhrase(f: FeedbackParticipation): string {
  const requests = f.requests === 0 ? "no feedback requests" : `${plural(f.requests, "feedback request")}: ${f.answered} of ${plural(f.asked, "peer")} answered`;
  const prompts = f.promptsSent === 0 ? "no recognition prompts" : `${plural(f.promptsSent, "recognition prompt")}: ${f.promptsAnswered} followed by kudos`;
  return `${requests} · ${prompts}`;
}

/** An agent's KPI in the lead digest: "CSAT 85% (94.4%)", "FRT n/a". */
export function agentKpiPhrase(kpi: AgentKpi): string {
  if (!kpi.enough || kpi.value === null) return `${kpi.def.label} n/a`;
  const att = kpi.attainment === null ? "" : ` (${scorePct(kpi.attainment * 100)})`;
  return `${kpi.def.label} ${formatMetricValue(kpi.def, kpi.value)}${att}`;
}

/** "<name>: 85.2% (▲ +2 pts vs last week)" pieces for one agent of the lead digest. */
export function agentScorePhrase(composite: number | null, previous: number | null): string {
  if (composite === null) return "no score";
  const change = compositeChange(composite, previous);
  return `${scorePct(composite)}${change ? ` (${change})` : ""}`;
}

/** "1 of 2 answered, due Wed 25 Nov". */
export function pendingFeedbackPhrase(request: PendingFeedbackRequest, timeZone: string): string {
  return `${request.answered} of ${request.asked} answered, due ${dueDayLabel(request.dueAt, timeZone)}`;
}

/** Groups lines into texts of at most `max` characters, so a long list spans several blocks. */
export function chunkLines(lines: string[], max = 2900): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of lines.map((l) => clampText(l, max))) {
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Slack and Teams cap a text element: cut at a line boundary and say so. */
export function clampText(text: string, max = 2900): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastBreak = cut.lastIndexOf("\n");
  return `${lastBreak > 0 ? cut.slice(0, lastBreak) : cut}\n…`;
}
