// The weekly team digest post: KPIs against targets, movers, recognition, customer voice, participation.
import type { KnownBlock } from "./format.ts";
import type { WeeklyDigest } from "../../core/digests/digest.ts";
import {
  anonymousFalls,
  clampText,
  compositeChange,
  feedbackPhrase,
  moverPhrase,
  scorePct,
  teamKpiPhrase,
} from "../../core/digests/digest-wording.ts";
import { escapeMrkdwn, mention, periodLabel, plural } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: clampText(text) } });
const context = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text: clampText(text) }] });

function kpiBlocks(digest: WeeklyDigest): KnownBlock[] {
  const { kpis, movers } = digest;
  if (kpis.lines.length === 0) return [];
  const score = kpis.composite.score;
  const head =
    score === null
      ? "*Team composite:* not enough data this week"
      : `*Team composite: ${scorePct(score)}* ${compositeChange(score, kpis.previousComposite)}`;
  const lines = kpis.lines.map((l) => `• *${escapeMrkdwn(l.def.label)}*: ${teamKpiPhrase(l)}`);
  const blocks = [section(`${head}\n${lines.join("\n")}`)];
  if (score !== null) blocks.push(context(`Composite = ${escapeMrkdwn(kpis.composite.formula)}`));
  const moverLines = [
    ...movers.up.map((m) => `:arrow_up: ${mention(m.member)} ${moverPhrase(m)}`),
    ...movers.down.map((m) => `:arrow_down: ${mention(m.member)} ${moverPhrase(m)}`),
  ];
  if (movers.down.length === 0 && movers.downCount > 0) moverLines.push(anonymousFalls(movers.downCount));
  if (moverLines.length > 0) blocks.push(section(`*Top movers*\n${moverLines.join("\n")}`));
  return blocks;
}

export function weeklyDigestMessage(digest: WeeklyDigest): SlackMessage {
  const { kudos } = digest;
  const title = `Weekly digest — ${digest.teamName}, week ${periodLabel(digest.period)}`;
  const summary =
    kudos.count === 0
      ? "No kudos this week. Who helped you? Try `/kudos @teammate what they did`."
      : `*${plural(kudos.count, "kudos", "kudos")}* worth *${plural(kudos.points, "point")}* from ${plural(kudos.givers, "person", "people")}.`;
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: title.slice(0, 150) } }, ...kpiBlocks(digest)];
  if (blocks.length > 1) blocks.push({ type: "divider" });
  blocks.push(section(summary));
  if (kudos.topRecipients.length > 0) {
    const medals = [":first_place_medal:", ":second_place_medal:", ":third_place_medal:"];
    const lines = kudos.topRecipients.map(
      (r, i) => `${medals[i] ?? `${i + 1}.`} ${mention(r)} — ${plural(r.points, "point")} (${plural(r.count, "kudos", "kudos")})`,
    );
    blocks.push(section(`*Most recognised*\n${lines.join("\n")}`));
  }
  if (kudos.values.length > 0) {
    blocks.push(context(`Values: ${kudos.values.map((v) => `#${escapeMrkdwn(v.value)} ×${v.count}`).join("  ·  ")}`));
  }
  if (digest.customerKudos.length > 0) {
    const lines = digest.customerKudos.map((c) => `> ${escapeMrkdwn(c.comment.slice(0, 300)).replaceAll("\n", " ")}\n— for ${mention(c.recipient)} via ${escapeMrkdwn(c.via)}`);
    blocks.push(section(`*From our customers*\n${lines.join("\n")}`));
  }
  blocks.push(context(`Feedback: ${feedbackPhrase(digest.feedback)}`));
  return { text: title, blocks };
}
