// Which Bot Framework activities Spur serves at all: from Teams itself (the Bot Framework Emulator only in
// explicit development), and from the allowed tenants when a list is configured. Other channels of the same
// Azure Bot (Direct Line, Web Chat) let the client choose who it claims to be, so they never reach a command.
import { type Config, isDevelopment } from "../config.ts";

export interface ActivityPolicy {
  channels: readonly string[];
  /** Empty: every tenant. */
  tenants: readonly string[];
}

export interface ActivityRefusal {
  code: "channel_not_allowed" | "tenant_not_allowed";
  message: string;
}

export function activityPolicyOf(config: Config): ActivityPolicy {
  return {
    channels: isDevelopment(config) ? ["msteams", "emulator"] : ["msteams"],
    tenants: config.TEAMS_ALLOWED_TENANTS,
  };
}

function tenantOfBody(body: Record<string, unknown>): string | null {
  const conversation = body.conversation as { tenantId?: unknown } | undefined;
  const channelData = body.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = conversation?.tenantId ?? channelData?.tenant?.id;
  return typeof tenant === "string" && tenant ? tenant : null;
}

/** Why an activity (the parsed request body) is refused, or null when Spur serves it. */
export function refusalOf(body: Record<string, unknown>, policy: ActivityPolicy): ActivityRefusal | null {
  const channel = body.channelId;
  if (typeof channel !== "string" || !policy.channels.includes(channel)) {
    return { code: "channel_not_allowed", message: `Spur only serves activities from ${policy.channels.join(" or ")}.` };
  }
  if (policy.tenants.length > 0) {
    const tenant = tenantOfBody(body);
    if (!tenant || !policy.tenants.includes(tenant)) {
      return { code: "tenant_not_allowed", message: "This Microsoft 365 tenant is not allowed to use this Spur." };
    }
  }
  return null;
}
