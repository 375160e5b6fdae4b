// The weekly team digest card.
import type { WeeklyDigest } from "../../core/digest.ts";
import { card, type CardElement, escapeMarkdown, factSet, heading, periodLabel, plural, type TeamsMessage, textBlock } from "./adaptive-card.ts";

const MEDALS = ["🥇", "🥈", "🥉"];

export function weeklyDigestCard(digest: WeeklyDigest): TeamsMessage {
  const { kudos } = digest;
  const title = `Weekly digest — ${digest.teamName}, week ${periodLabel(digest.period)}`;
  const summary =
    kudos.count === 0
      ? "No kudos this week. Who helped you? Try `kudos @teammate what they did`."
      : `**${plural(kudos.count, "kudos", "kudos")}** worth **${plural(kudos.points, "point")}** from ${plural(kudos.givers, "person", "people")}.`;
  const body: CardElement[] = [heading(escapeMarkdown(title)), textBlock(summary)];
  if (kudos.topRecipients.length > 0) {
    body.push(textBlock("Most recognised", { weight: "Bolder", spacing: "Medium" }));
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
  return { text: title, card: card(body) };
}
