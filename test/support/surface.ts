// One driver for both chat platforms, so a scenario is written once and runs on Slack and on Teams.
//
// How to add a scenario (one file per use case, in test/scenarios/<feature>.test.ts):
//
//   describe.each(PLATFORMS)("<feature> on %s", (platform) => {
//     let s: Surface;
//     beforeAll(async () => (s = await startSurface(platform)));
//     afterAll(() => s?.stop());
//     it("…", async () => {
//       const reply = await s.say(ana, "leaderboard", ["month"]);
//       expect(reply.text).toContain("Most recognised");
//     });
//   });
//
// `say` takes the command as Spur names it ("kudos", "scorecard", "leaderboard", "feedback", "spur": Slack's
// /spur is Teams' `admin`) and the rest as text and people (`[ana, " 2 thanks"]`); each platform spells it the
// way its users type it (Slack `/kudos <@UANA|ana> 2 thanks`, Teams `kudos <at>Ana Alves</at> 2 thanks`) and
// sends it for real: signed requests to the Bolt app (test/support/spur-harness.ts, fake Slack API) or Bot
// Framework activities to /api/messages (test/support/teams-chat.ts, fake Bot Connector). Replies come back as
// plain text with the platform's spelling undone (mentions become names, `/kudos x` and `kudos x` become
// `kudos x`, `/spur x` and `admin x` become `admin x`, no emphasis or escapes, Slack's :emoji: codes as emoji),
// so both platforms are held to the same expected strings; `raw` keeps the payload for anything
// platform-specific. A use case that needs a new kind of input (a form submission, a reaction, a DM read) gets
// one more method here, implemented in surface-slack.ts and surface-teams.ts over the existing helpers.
import type { Platform, StartOptions, Surface } from "./surface-types.ts";
import { startSlackSurface } from "./surface-slack.ts";
import { startTeamsSurface } from "./surface-teams.ts";

export { MORE_PEOPLE, PEOPLE, type Person, STRANGER } from "./surface-people.ts";
export {
  channelNamed,
  HERE,
  type NamedChannel,
  type Platform,
  type Said,
  type StartOptions,
  type Submitted,
  type Surface,
  type SurfaceButton,
  type SurfaceField,
  type SurfaceForm,
  type SurfaceReply,
  type Where,
} from "./surface-types.ts";

export const PLATFORMS: Platform[] = ["slack", "teams"];

export async function startSurface(platform: Platform, options: StartOptions = {}): Promise<Surface> {
  return platform === "slack" ? startSlackSurface(options) : startTeamsSurface(options);
}
