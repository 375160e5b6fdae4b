// Recognition administration: `spur settings <name> <value>` (a setting changed as text; `spur settings` alone
// opens the settings form) and `spur revoke <kudos id> <reason>`. Both are admin-only and leave an audit log entry.
import { assertAdmin } from "../admin/admin-command.ts";
import { diffSettings } from "../shared/audit.ts";
import type { CommandToken } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import type { Member, Workspace } from "../shared/model.ts";
import type { Clock } from "../shared/ports.ts";
import type { KudosLedger, RecognitionSettingsRepository, RevokedGift } from "./recognition-ports.ts";
import { type RecognitionSettings, SETTINGS_LIMITS } from "./recognition-settings.ts";
import { parseSettingsCommand, type SettingsTextCommand } from "./settings-command.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

export type RecognitionAdminCommand =
  | { kind: "settings"; settings: SettingsTextCommand }
  | { kind: "revoke"; giftRef: string; reason: string };

/** The subcommands of spur (Teams admin) this file answers; settings alone is the settings form's. */
export function isRecognitionAdmin(tokens: CommandToken[]): boolean {
  const verb = tokens[0]?.kind === "word" ? tokens[0].text.toLowerCase() : "";
  return (verb === "settings" && tokens.length > 1) || verb === "revoke";
}

/** spur settings alone: opens the settings form. */
export function isSettingsFormCommand(tokens: CommandToken[]): boolean {
  return tokens.length === 1 && tokens[0]?.kind === "word" && tokens[0].text.toLowerCase() === "settings";
}

export function revokeHelp(): Msg {
  return msg("recognitionAdmin.usage.revoke", { cmd: command("spur", "revoke <kudos id> <reason>"), history: command("kudos", "history") });
}

/** The help lines of these subcommands (Slack changes settings in its form). */
export function recognitionAdminUsage(): Msg[] {
  return [msg("recognitionAdmin.usage.settings", { cmd: command("spur", "settings") }), revokeHelp()];
}

export function revokeUsage(): Msg {
  return msg("revoke.usage", { usage: command("spur", "revoke <kudos id> <reason>"), history: command("kudos", "history") });
}

/** Returns null when the tokens are not a recognition subcommand (the general spur parser handles them). */
export function parseRecognitionAdmin(tokens: CommandToken[]): ParseResult<RecognitionAdminCommand> | null {
  if (!isRecognitionAdmin(tokens)) return null;
  const [verb, ...args] = tokens;
  if (verb?.text.toLowerCase() === "settings") {
    const settings = parseSettingsCommand(args);
    return settings.ok ? { ok: true, command: { kind: "settings", settings: settings.command } } : settings;
  }
  const [giftRef, ...reasonTokens] = args.map((t) => t.text);
  const reason = reasonTokens.join(" ").trim();
  if (!giftRef || !/^[0-9a-f-]{4,36}$/i.test(giftRef) || reason.length === 0) {
    return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, revokeUsage()) };
  }
  return { ok: true, command: { kind: "revoke", giftRef: giftRef.toLowerCase(), reason: reason.slice(0, 500) } };
}

export async function revokeKudos(
  deps: { ledger: KudosLedger; clock: Clock },
  input: { workspace: Workspace; actor: Member; giftRef: string; reason: string },
): Promise<RevokedGift> {
  assertAdmin(input.actor.role);
  const result = await deps.ledger.revokeGift(input.workspace.id, input.giftRef, deps.clock.now(), {
    workspaceId: input.workspace.id,
    actorUserId: input.actor.platformUserId,
    action: "kudos.revoke",
    target: null,
    details: {},
    reason: input.reason,
  });
  switch (result) {
    case "not_found":
      throw new SpurError(ErrorCode.KudosNotFound, msg("revoke.notFound", { id: input.giftRef }));
    case "ambiguous":
      throw new SpurError(ErrorCode.KudosNotFound, msg("revoke.ambiguous", { id: input.giftRef }));
    case "already_revoked":
      throw new SpurError(ErrorCode.AlreadyRevoked, msg("revoke.alreadyRevoked", { id: input.giftRef }));
    default:
      return result;
  }
}

/** Field → message for every setting out of range; empty when the settings are valid. */
export function validateSettings(s: RecognitionSettings): Partial<Record<keyof RecognitionSettings, Msg>> {
  const errors: Partial<Record<keyof RecognitionSettings, Msg>> = {};
  const range = (key: "allowancePoints" | "maxPointsPerGift" | "cooldownMinutes") => {
    const { min, max } = SETTINGS_LIMITS[key];
    const v = s[key];
    if (!Number.isInteger(v) || v < min || v > max) errors[key] = msg("recognitionSettings.invalid.range", { setting: key, min, max });
  };
  range("allowancePoints");
  range("maxPointsPerGift");
  range("cooldownMinutes");
  if (!errors.maxPointsPerGift && !errors.allowancePoints && s.maxPointsPerGift > s.allowancePoints) {
    errors.maxPointsPerGift = msg("recognitionSettings.invalid.giftOverAllowance");
  }
  if (Object.keys(s.emojiPoints).length === 0) errors.emojiPoints = msg("recognitionSettings.invalid.noEmoji");
  if (s.valueRequired && s.companyValues.length === 0) errors.companyValues = msg("recognitionSettings.invalid.noValues");
  return errors;
}

/** Saves new settings for an admin; the audit entry records each changed field. Returns the changed fields. */
export async function updateRecognitionSettings(
  deps: { recognitionSettings: RecognitionSettingsRepository },
  input: { workspace: Workspace; actor: Member; settings: RecognitionSettings },
): Promise<string[]> {
  assertAdmin(input.actor.role);
  const errors = validateSettings(input.settings);
  const first = Object.values(errors)[0];
  if (first) throw new SpurError(ErrorCode.InvalidSetting, first);
  const before = await deps.recognitionSettings.get(input.workspace.id);
  const diff = diffSettings(before, input.settings);
  if (Object.keys(diff).length === 0) return [];
  await deps.recognitionSettings.save(input.workspace.id, input.settings, {
    workspaceId: input.workspace.id,
    actorUserId: input.actor.platformUserId,
    action: "settings.update",
    target: input.workspace.id,
    details: diff,
    reason: null,
  });
  return Object.keys(diff);
}
