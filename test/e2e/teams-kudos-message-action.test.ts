// Teams counterpart of slack-kudos-modal.test.ts's message shortcut: the "Give kudos for this message" message
// action opens the kudos form in a dialog, pre-filled with the message's author and a link to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, textOf } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { type ActedOnMessage, GENERAL, linkToMessage, messageAction, TEAMS_USERS } from "../support/teams-activities.ts";
import { startTeams, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let t: TeamsSetup;
let h: Harness;
let connector: FakeBotConnector;

beforeAll(async () => {
  // Dee is new to Spur: nobody has mentioned her yet, and she is the author of the message thanked below.
  t = await startTeams({ known: [ana, bo] });
  ({ h, connector } = t);
  const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
  // Through the settings store, as an admin's change would go (it keeps its cache in step).
  const current = await h.spur.services.recognitionSettings.get(workspace.id);
  const audit = { workspaceId: workspace.id, actorUserId: "test-setup", action: "settings.update" as const, target: null, details: {}, reason: "test setup" };
  await h.spur.services.recognitionSettings.save(workspace.id, { ...current, allowancePoints: 20 }, audit);
});
afterAll(async () => {
  await t?.stop();
});

interface Dialog {
  task: { type: string; value: unknown };
}

interface FormCard {
  body: { type: string; id?: string; text?: string; color?: string; value?: unknown; choices?: { title: string; value: string }[] }[];
}

async function act(from: typeof carl, step: Parameters<typeof messageAction>[1], acted: ActedOnMessage, commandId?: string): Promise<Dialog> {
  const res = await h.teams(messageAction(from, step, acted, { serviceUrl: connector.url }, commandId));
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as Dialog;
}

/** The dialog's Adaptive Card, after checking the answer is a dialog with one. */
function formOf(dialog: Dialog): FormCard {
  expect(dialog.task.type).toBe("continue");
  const value = dialog.task.value as { title: string; card: { contentType: string; content: FormCard } };
  expect(value.title).toBe("Give kudos");
  expect(value.card.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return value.card.content;
}

/** The form's Send (an Action.Submit: dialogs don't run Action.Execute) and the data it carries. */
function sendOf(form: FormCard): Record<string, unknown> {
  const set = form.body.find((e) => e.type === "ActionSet") as unknown as { actions: { type: string; title: string; data: Record<string, unknown> }[] };
  expect(set.actions.map((a) => [a.type, a.title])).toEqual([["Action.Submit", "Send"]]);
  return set.actions[0]!.data;
}

function errorsOf(form: FormCard) {
  return form.body.filter((e) => e.color === "Attention").map((e) => ({ text: e.text ?? "", field: form.body[form.body.indexOf(e) - 1]?.id }));
}

const kudosRows = () => h.spur.db.kudos.findMany({ include: { recipient: true, giver: true }, orderBy: { createdAt: "asc" } });

describe("Teams: Give kudos for this message", () => {
  const message: ActedOnMessage = { id: "1763900000200", text: "Fixed the billing export for Acme", author: dee };

  it("opens the kudos form pre-filled with the author (new to Spur) and a link to the message", async () => {
    const before = (await kudosRows()).length;
    const form = formOf(await act(carl, { fetch: true }, message));
    const recipients = form.body.find((e) => e.id === "recipients");
    expect(recipients?.value).toBe(dee.id);
    expect(recipients?.choices?.find((c) => c.value === dee.id)?.title).toBe("Dee Diaz");
    expect(JSON.stringify(form)).toContain(`[this message](${linkToMessage(message.id)})`);
    expect(sendOf(form)).toMatchObject({ messageLink: linkToMessage(message.id), formId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(errorsOf(form)).toEqual([]);
    expect(await kudosRows()).toHaveLength(before); // opening the form stores nothing
  });

  it("gives the kudos on Send: the dialog closes with the confirmation, the gift links the message, the shoutout too", async () => {
    const form = formOf(await act(carl, { fetch: true }, message));
    const since = connector.sent.length;
    const before = (await kudosRows()).length;
    const submit = { ...sendOf(form), recipients: dee.id, points: "3", reason: "saved the Acme export" };
    const done = await act(carl, { submit }, message);
    expect(done.task).toEqual({ type: "message", value: "🎉 Kudos sent! Dee Diaz got 3 points." });

    const rows = await kudosRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ source: "shortcut", sourceRef: linkToMessage(message.id), points: 3, reason: "saved the Acme export" });
    expect(rows.at(-1)?.recipient.platformUserId).toBe(dee.id);
    expect(rows.at(-1)?.giver?.platformUserId).toBe(carl.id);

    const shoutout = await connector.waitFor(() => connector.sent.slice(since).find((s) => textOf(s).includes("saved the Acme export")));
    expect(shoutout.conversationId).toBe(GENERAL);
    expect(textOf(shoutout)).toContain("Carl Cruz gave Dee Diaz");
    expect(textOf(shoutout)).toContain(`[Original message](${linkToMessage(message.id)})`);

    // Teams redelivering the submission gives nothing twice.
    const again = await act(carl, { submit }, message);
    expect(again.task.value).toContain("already recorded");
    expect(await kudosRows()).toHaveLength(before + 1);
  });

  const refusals: [string, typeof carl, ActedOnMessage, Record<string, unknown>, string, string][] = [
    ["the giver's own message", dee, { id: "1763900000300", text: "I fixed it", author: dee }, { reason: "x" }, "recipients", "You can't give kudos to yourself"],
    ["a bot's message", carl, { id: "1763900000400", text: "Ticket #123 closed", author: { app: { id: "9d1c5c3e-0000-4000-8000-000000000001", name: "Helpdesk Bot" } } }, { reason: "x" }, "recipients", "is a bot"],
    ["a missing reason", carl, { id: "1763900000500", text: "Escalation handled", author: ana }, { reason: "  " }, "reason", "Say what they did"],
  ];
  for (const [name, giver, acted, typed, field, error] of refusals) {
    it(`refuses ${name} inline, keeps what was entered and stores nothing`, async () => {
      const form = formOf(await act(giver, { fetch: true }, acted));
      const prefilled = String(form.body.find((e) => e.id === "recipients")?.value);
      expect(prefilled).toMatch(/^2[89]:/);
      const before = (await kudosRows()).length;
      const answer = formOf(await act(giver, { submit: { ...sendOf(form), recipients: prefilled, points: "2", ...typed } }, acted));
      expect(errorsOf(answer)).toEqual([{ text: expect.stringContaining(error), field }]);
      expect(answer.body.find((e) => e.id === "recipients")?.value).toBe(prefilled);
      expect(answer.body.find((e) => e.id === "points")?.value).toBe(2);
      expect(JSON.stringify(answer)).toContain(linkToMessage(acted.id));
      expect(await kudosRows()).toHaveLength(before);
    });
  }

  it("lets the giver pick someone else than the author", async () => {
    const acted: ActedOnMessage = { id: "1763900000600", text: "Handled the outage call", author: bo };
    const form = formOf(await act(carl, { fetch: true }, acted));
    const done = await act(carl, { submit: { ...sendOf(form), recipients: `${bo.id},${ana.id}`, points: "1", reason: "outage call together" } }, acted);
    expect(done.task.value).toBe("🎉 Kudos sent! Bo Berg and Ana Alves each got 1 point.");
    const rows = (await kudosRows()).filter((r) => r.reason === "outage call together");
    expect(rows.map((r) => r.sourceRef)).toEqual([linkToMessage(acted.id), linkToMessage(acted.id)]);
  });

  it("takes the message from the form's data when the submission doesn't name it, and only a Teams message link", async () => {
    const acted: ActedOnMessage = { id: "1763900000700", text: "Wrote the FAQ", author: bo };
    const form = formOf(await act(carl, { fetch: true }, acted));
    /** The submission without `messagePayload`: only the form's data names the message. */
    const submitWithout = async (data: Record<string, unknown>) => {
      const activity = messageAction(carl, { submit: data }, acted, { serviceUrl: connector.url });
      const { messagePayload: _dropped, ...value } = activity.value;
      expect((await h.teams({ ...activity, value })).status).toBe(200);
    };
    await submitWithout({ ...sendOf(form), recipients: bo.id, points: "1", reason: "the FAQ" });
    expect((await kudosRows()).find((r) => r.reason === "the FAQ")).toMatchObject({ source: "shortcut", sourceRef: linkToMessage(acted.id) });

    const forged = formOf(await act(carl, { fetch: true }, acted));
    await submitWithout({ ...sendOf(forged), messageLink: "https://evil.example/teams.microsoft.com/l/message", recipients: bo.id, points: "1", reason: "the FAQ again" });
    expect((await kudosRows()).find((r) => r.reason === "the FAQ again")).toMatchObject({ source: "shortcut", sourceRef: null });
  });

  it("leaves Who? empty when the author isn't in the team", async () => {
    const stranger = { id: "29:stranger", name: "Sam Stranger", aadObjectId: "aad-stranger" };
    const form = formOf(await act(carl, { fetch: true }, { id: "1763900000800", text: "Hi all", author: stranger }));
    const recipients = form.body.find((e) => e.id === "recipients");
    expect(recipients?.value).toBeUndefined();
    expect(recipients?.choices?.map((c) => c.value)).not.toContain(stranger.id);
    expect(JSON.stringify(form)).toContain(linkToMessage("1763900000800"));
  });

  it("answers an unknown command or a forged form with a message and stores nothing", async () => {
    const before = (await kudosRows()).length;
    const unknown = await act(carl, { fetch: true }, message, "deleteEverything");
    expect(unknown.task.type).toBe("message");
    expect(unknown.task.value).toContain("doesn't know that action");
    const forged = await act(carl, { submit: { recipients: dee.id, points: "1", reason: "x" } }, message);
    expect(forged.task).toEqual({ type: "message", value: expect.stringContaining("Spur couldn't read that card") });
    expect(await kudosRows()).toHaveLength(before);
  });

  it("opens the dialog in Chinese for a member whose Teams is in zh-CN", async () => {
    const acted: ActedOnMessage = { id: "1763900000900", text: "Closed the P1", author: ana };
    const activity = { ...messageAction(bo, { fetch: true }, acted, { serviceUrl: connector.url }), locale: "zh-CN" };
    const res = await h.teams(activity);
    expect(res.status).toBe(200);
    const value = (JSON.parse(res.body) as Dialog).task.value as { title: string; card: { content: FormCard } };
    expect(value.title).toBe("点赞");
    expect(JSON.stringify(value.card.content)).toContain(`针对[这条消息](${linkToMessage(acted.id)})`);
    expect(value.card.content.body.find((e) => e.id === "recipients")).toMatchObject({ value: ana.id });
  });

  it("keeps the link of a message in a personal chat or a private channel out of the gift and its shoutout", async () => {
    const places = [
      { name: "personal chat", conversation: { id: `a:personal-${dee.id}`, conversationType: "personal", tenantId: "tenant-1" }, channelData: { tenant: { id: "tenant-1" } } },
      {
        name: "private channel",
        conversation: { id: "19:private-leads@thread.tacv2", conversationType: "channel", tenantId: "tenant-1", isGroup: true },
        channelData: { tenant: { id: "tenant-1" }, team: { id: GENERAL, name: "Support" }, channel: { id: "19:private-leads@thread.tacv2", name: "Leads", membershipType: "private" } },
      },
    ];
    for (const [i, place] of places.entries()) {
      const acted: ActedOnMessage = { id: `17639000011${i}0`, text: "Acme is about to churn, between us", author: ana };
      const inPlace = (step: Parameters<typeof messageAction>[1]) => ({ ...messageAction(dee, step, acted, { serviceUrl: connector.url }), conversation: place.conversation, channelData: place.channelData });
      const res = await h.teams(inPlace({ fetch: true }));
      const form = formOf(JSON.parse(res.body) as Dialog);
      expect(JSON.stringify(form), place.name).not.toContain("teams.microsoft.com/l/message");
      const since = connector.sent.length;
      const reason = `kept the ${place.name} calm`;
      // Even a link slipped into the form's data is dropped.
      const submit = { ...sendOf(form), messageLink: linkToMessage(acted.id), recipients: ana.id, points: "1", reason };
      const done = JSON.parse((await h.teams(inPlace({ submit }))).body) as Dialog;
      expect(String(done.task.value), place.name).toContain("Kudos sent");
      expect((await kudosRows()).at(-1), place.name).toMatchObject({ reason, sourceRef: null });
      const shoutout = await connector.waitFor(() => connector.sent.slice(since).find((s) => textOf(s).includes(reason)));
      expect(textOf(shoutout), place.name).not.toContain("teams.microsoft.com/l/message");
    }
  });
});
