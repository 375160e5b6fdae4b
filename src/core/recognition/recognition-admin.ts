// Recognition administration: `/spur settings` (a form on the chat side) and `/spur revoke <kudos id> <reason>`.
// Both are admin-only and leave an audit log entry.
import { assertAdmin } from "../admin/admin-command.ts";
import { diffSettings } from "../shared/audit.ts";
import { tokenize } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import type { Member, Workspace } from "../shared/model.ts";
import type { Clock } from "../shared/ports.ts";
import type { KudosLedger, RecognitionSettingsRepository, RevokedGift } from "./recognition-ports.ts";
import { type RecognitionSettings, SETTINGS_LIMITS } from "./recognition-settings.ts";

export type RecognitionAdminCommand = { kind: "settings" } | { kind: "revoke"; giftRef: string; reason: string };

export const REVOKE_USAGE = "• `/spur revoke <kudos id> <reason>` — take back a kudos (ids are shown in `/kudos history`)";

export const RECOGNITION_ADMIN_USAGE = [
  "• `/spur settings` — recognition rules: allowance, caps, cool-down, kudos emoji, values, channel, visibility",
  REVOKE_USAGE,
].join("\n");

/** Returns null when the text is not a recognition subcommand (the general `/spur` parser handles it). */
export function parseRecognitionAdmin(text: string): ParseResult<RecognitionAdminCommand> | null {
  const [verb, ...args] = tokenize(text);
  switch (verb?.toLowerCase()) {
    case "settings":
      if (args.length > 0) return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, "`/spur settings` takes no arguments; it opens a form.") };
      return { ok: true, command: { kind: "settings" } };
    case "revoke": {
      const [giftRef, ...reasonTokens] = args;
      const reason = reasonTokens.join(" ").trim();
      if (!giftRef || !/^[0-9a-f-]{4,36}$/i.test(giftRef) || reason.length === 0) {
        return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, "Usage: `/spur revoke <kudos id> <reason>` — the id is shown in `/kudos history`.") };
      }
      return { ok: true, command: { kind: "revoke", giftRef: giftRef.toLowerCase(), reason: reason.slice(0, 500) } };
    }
    default:
      return null;
  }
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
      throw new SpurError(ErrorCode.KudosNotFound, `I couldn't find kudos \`${input.giftRef}\` in this workspace.`);
    case "ambiguous":
      throw new SpurError(ErrorCode.KudosNotFound, `More than one kudos starts with \`${input.giftRef}\`; use more of the id.`);
    case "already_revoked":
      throw new SpurError(ErrorCode.AlreadyRevoked, `Kudos \`${input.giftRef}\` were already revoked.`);
    default:
      return result;
  }
}

/** Field → message for every setting out of range; empty when the settings are valid. */
export function validateSettings(s: RecognitionSettings): Partial<Record<keyof RecognitionSettings, string>> {
  const errors: Partial<Record<keyof RecognitionSettings, string>> = {};
  const range = (key: "allowancePoints" | "maxPointsPerGift" | "cooldownMinutes", label: string) => {
    const { min, max } = SETTINGS_LIMITS[key];
    const v = s[key];
    if (!Number.isInteger(v) || v < min || v > max) errors[key] = `${label} must be a whole number from ${min} to ${max}.`;
  };
  range("allowancePoints", "The allowance");
  range("maxPointsPerGift", "Points per gift");
  range("cooldownMinutes", "The cool-down");
  if (!errors.maxPointsPerGift && !errors.allowancePoints && s.maxPointsPerGift > s.allowancePoints) {
    errors.maxPointsPerGift = "Points per gift can't be more than the allowance.";
  }
  if (Object.keys(s.emojiPoints).length === 0) errors.emojiPoints = "Keep at least one kudos emoji.";
  if (s.valueRequired && s.companyValues.length === 0) errors.companyValues = "List the company values to require one.";
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
