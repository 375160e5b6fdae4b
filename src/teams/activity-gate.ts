// Which Bot Framework activities Spur serves at all: from Teams itself (the Bot Framework Emulator only in
// explicit development), and from the allowed tenants when a list is configured. Other channels of the same
// Azure Bot (Direct Line, Web Chat) let the client choose who it claims to be, so they never reach a command.
import { z } from "zod";
import { type Config, isDevelopment } from "../config.ts";

export interface ActivityPolicy {
  channels: readonly string[];
  /** Empty: every tenant. */
  tenants: readonly string[];
}

export interface ActivityRefusal {
  code: "channel_not_allowed" | "tenant_not_allowed" | "invalid_activity";
  message: string;
}

export function activityPolicyOf(config: Config): ActivityPolicy {
  return {
    channels: isDevelopment(config) ? ["msteams", "emulator"] : ["msteams"],
    tenants: config.TEAMS_ALLOWED_TENANTS,
  };
}

const text = z.string().max(10_000);
const account = z.looseObject({ id: z.string().min(1).max(1_000), name: text.optional(), aadObjectId: text.optional() });
/**
 * The envelope every activity has, as botbuilder and Spur read it; the rest (text, value, channelData …) is
 * checked where it is used. A wrong type here would otherwise fail deep inside botbuilder with a 500.
 */
const ActivityEnvelope = z.looseObject({
  type: z.string().min(1).max(100),
  id: text.optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: account,
  recipient: account.optional(),
  conversation: z.looseObject({
    id: z.string().min(1).max(1_000),
    conversationType: text.optional(),
    tenantId: text.optional(),
    isGroup: z.boolean().optional(),
    name: text.optional(),
  }),
  text: z.string().max(100_000).optional(),
  name: text.optional(),
  locale: text.optional(),
  action: text.optional(),
  replyToId: text.optional(),
  membersAdded: z.array(account).max(1_000).optional(),
  membersRemoved: z.array(account).max(1_000).optional(),
  channelData: z.looseObject({}).optional(),
});

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
  const envelope = ActivityEnvelope.safeParse(body);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { code: "invalid_activity", message: `The activity's ${issue?.path.join(".") || "body"} is not valid: ${issue?.message ?? "invalid"}.` };
  }
  if (policy.tenants.length > 0) {
    const tenant = tenantOfBody(body);
    if (!tenant || !policy.tenants.includes(tenant)) {
      return { code: "tenant_not_allowed", message: "This Microsoft 365 tenant is not allowed to use this Spur." };
    }
  }
  return null;
}
