// Submission of the `/spur settings` modal: parse, validate with inline errors, save with an audit entry.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { isSpurError } from "../../../core/shared/errors.ts";
import { updateRecognitionSettings, validateSettings } from "../../../core/recognition/recognition-admin.ts";
import {
  parseCompanyValues,
  parseEmojiPoints,
  type RecognitionSettings,
} from "../../../core/recognition/recognition-settings.ts";
import { SETTINGS_ACTION, SETTINGS_MODAL_CALLBACK } from "../../blocks/settings-modal.ts";
import { type StateValue, ViewSubmission } from "../../recognition-payloads.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { plainText } from "../../render/mrkdwn.ts";

type Errors = Partial<Record<keyof RecognitionSettings, string>>;

function readSettings(values: Record<string, Record<string, StateValue>>, current: RecognitionSettings, locale: Locale): { settings: RecognitionSettings; errors: Errors } {
  const get = (block: keyof RecognitionSettings) => values[block]?.[SETTINGS_ACTION];
  const errors: Errors = {};
  const num = (block: "allowancePoints" | "maxPointsPerGift" | "cooldownMinutes") => {
    const raw = get(block)?.value;
    const n = raw === undefined || raw === null || raw === "" ? Number.NaN : Number(raw);
    return Number.isFinite(n) ? n : current[block] + 0.5; // not a whole number: validation reports it
  };
  const emoji = parseEmojiPoints(get("emojiPoints")?.value ?? "");
  if (typeof emoji === "string") errors.emojiPoints = emoji;
  const companyValues = parseCompanyValues(get("companyValues")?.value ?? "");
  if (typeof companyValues === "string") errors.companyValues = companyValues;
  const period = get("allowancePeriod")?.selected_option?.value;
  const visibility = get("leaderboardVisibility")?.selected_option?.value;
  const settings: RecognitionSettings = {
    recognitionChannelId: get("recognitionChannelId")?.selected_conversation ?? null,
    allowancePoints: num("allowancePoints"),
    allowancePeriod: period === "week" ? "week" : "day",
    maxPointsPerGift: num("maxPointsPerGift"),
    cooldownMinutes: num("cooldownMinutes"),
    emojiPoints: typeof emoji === "string" ? current.emojiPoints : emoji,
    companyValues: typeof companyValues === "string" ? current.companyValues : companyValues,
    valueRequired: (get("valueRequired")?.selected_options ?? []).some((o) => o.value === "yes"),
    leaderboardVisibility: visibility === "leads" ? "leads" : "everyone",
    notifyLead: (get("notifyLead")?.selected_options ?? []).some((o) => o.value === "yes"),
  };
  const invalid = Object.entries(validateSettings(settings)).map(([field, message]) => [field, message ? plainText(message, locale) : ""]);
  return { settings, errors: { ...Object.fromEntries(invalid), ...errors } };
}

export function registerSpurSettingsView(app: App, services: Services): void {
  app.view(SETTINGS_MODAL_CALLBACK, async ({ ack, body, client }) => {
    const parsed = ViewSubmission.safeParse(body);
    if (!parsed.success) {
      await ack({ response_action: "errors", errors: { emojiPoints: "Spur couldn't read this form. Please try again." } });
      return;
    }
    const { team, user, view } = parsed.data;
    try {
      const { workspace, defaultTeam } = await services.workspaces.ensure("slack", team.id, { teamTimeZone: services.defaultTimeZone });
      const actor = await services.members.byPlatformId(workspace, defaultTeam.id, user.id);
      const current = await services.recognitionSettings.get(workspace.id);
      const { settings, errors } = readSettings(view.state.values, current, workspace.locale);
      if (Object.keys(errors).length > 0) {
        await ack({ response_action: "errors", errors });
        return;
      }
      if (!actor) throw new Error("settings submitted by an unknown member");
      const changed = await updateRecognitionSettings(services, { workspace, actor, settings });
      await ack();
      const summary = changed.length === 0 ? "Nothing changed." : `Saved: ${changed.join(", ")}.`;
      await client.chat.postMessage({ channel: user.id, text: `:white_check_mark: Recognition settings — ${summary}` });
    } catch (err) {
      if (!isSpurError(err)) services.logger.error({ err }, "settings submission failed");
      const message = isSpurError(err) ? err.userMessage : "Something went wrong on Spur's side. Please try again.";
      await ack({ response_action: "errors", errors: { allowancePoints: message } });
    }
  });
}
