import { describe, expect, it } from "vitest";
import { parseKudosCommand } from "../../src/core/recognition/kudos-command.ts";
import { teamsCommandText } from "../../src/teams/mentions.ts";

const bot = { id: "28:bot", name: "Spur" };
const mention = (id: string, name: string) => ({ type: "mention", text: `<at>${name}</at>`, mentioned: { id, name } });

describe("Teams mentions → core command text", () => {
  it("drops the bot's own mention and turns people's mentions into parsable ids", () => {
    const text = teamsCommandText({
      text: "<at>Spur</at> kudos <at>Ana Alves</at> and <at>Bo Berg</at> 3 saved it #ownership",
      recipient: bot,
      entities: [mention(bot.id, "Spur"), mention("29:ana", "Ana Alves"), mention("29:bo", "Bo Berg"), { type: "clientInfo" }],
    });
    expect(text.text).toBe("kudos <@UTM1> and <@UTM2> 3 saved it #ownership");
    const parsed = parseKudosCommand(text.tokens.slice(1));
    expect(parsed.ok && parsed.command.kind === "give" && parsed.command.recipients).toEqual([
      { kind: "id", id: "29:ana", name: "Ana Alves" },
      { kind: "id", id: "29:bo", name: "Bo Berg" },
    ]);
  });

  it("maps the same person mentioned twice to one placeholder", () => {
    const text = teamsCommandText({
      text: "kudos <at>Ana</at> and <at>Ana</at> helped",
      entities: [mention("29:ana", "Ana"), mention("29:ana", "Ana")],
    });
    expect(text.text).toBe("kudos <@UTM1> and <@UTM1> helped");
  });

  it("strips HTML Teams clients add and decodes entities", () => {
    const text = teamsCommandText({ text: "<p>kudos&nbsp;@ana <b>great</b> work</p>" });
    expect(text.text).toBe("kudos @ana great work");
  });
});
