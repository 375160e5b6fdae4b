// The weekly team digest card: the same sections as the Slack post, from the same core result.
import type { WeeklyDigest } from "../../core/digests/digest.ts";
import { anonymousFalls, clampText, compositeChange, feedbackPhrase, moverPhrase, scorePct, teamKpiPhrase } from "../../core/digests/digest-wording.ts";
import { card, type CardElement, escapeMarkdown, factSet, heading, periodLabel, plural, type TeamsMessage, textBlock } from "./adaptive-card.ts";

const MEDALS = ["🥇", "🥈", "🥉"];
const subheading = (text: string) => textBlock(text, { weight: "Bolder", spacing: "Medium" });

function kpiElements(digest: WeeklyDigest): CardElement[] {
  const { kpis, movers } = digest;
  if (kpis.lines.length === 0) return [];
  const score = kpis.composite.score;
  const out: CardElement[] = [
    textBlock(score === null ? "**Team composite:** not enough data this week" : `**Team composite: ${scorePct(score)}** ${compositeChange(score, kpis.previousComposite)}`),
    factSet(kpis.lines.map((l) => [l.def.label, teamKpiPhrase(l)])),
  ];
  if (score !== null) out.push(textBlock(clampText(`Composite = ${escapeMarkdown(kpis.composite.formula)}`), { isSubtle: true, size: "Small" }));
  const moverFacts: [string, string][] = [
    ...movers.up.map((m): [string, string] => [`⬆️ ${m.member.displayName}`, moverPhrase(m)]),
    ...movers.down.map((m): [string, string] => [`⬇️ ${m.member.displayName}`, moverPhrase(m)]),
  ];
  if (moverFacts.length > 0 || movers.downCount > 0) out.push(subheading("Top movers"));
  if (moverFacts.length > 0) out.push(factSet(moverFacts));
  if (movers.down.length === 0 && movers.downCount > 0) out.push(textBlock(anonymousFalls(movers.downCount)));
  return out;
}

/** `chartUrl`: where Teams can fetch the trend chart PNG (Spur serves it); without it the card has no image. */
export function weeklyDigestCard(digest: WeeklyDigest, chartUrl?: string): TeamsMessage {
  const { kudos } = digest;
  const title = `Weekly digest — ${digest.teamName}, week ${periodLabel(digest.period)}`;
  const summary =
    kudos.count === 0
      ? "No kudos this week. Who helped you? Try `kudos @teammate what they did`."
      : `**${plural(kudos.count, "kudos", "kudos")}** worth **${plural(kudos.points, "point")}** from ${plural(kudos.givers, "person", "people")}.`;
  const body: CardElement[] = [heading(escapeMarkdown(title)), ...kpiElements(digest), textBlock(summary, { separator: true, spacing: "Medium" })];
  if (kudos.topRecipients.length > 0) {
    body.push(subheading("Most recognised"));
    body.push(
      factSet(
        kudos.topRecipients.map((r, i) => [
          `${MEDALS[i] ?? `${i + 1}.`} ${r.displayName}`,
          `${plural(r.points, "point")} (${plural(r.count, "kudos", "kudos")})`,
        ]),
      ),
    );
  }
  if (kudos.values.length > 0) {
    body.push(textBlock(`Values: ${kudos.values.map((v) => `#${v.value} ×${v.count}`).join("  ·  ")}`, { isSubtle: true }));
  }
  if (digest.customerKudos.length > 0) {
    body.push(subheading("From our customers"));
    for (const c of digest.customerKudos) {
      body.push(textBlock(`“${escapeMarkdown(c.comment.slice(0, 300))}” — for ${escapeMarkdown(c.recipient.displayName)} via ${escapeMarkdown(c.via)}`));
    }
  }
  body.push(textBlock(`Feedback: ${feedbackPhrase(digest.feedback)}`, { isSubtle: true }));
  if (chartUrl) body.push({ type: "Image", url: chartUrl, altText: digest.trend.title, size: "Stretch" });
  return { text: title, card: card(body) };
}
