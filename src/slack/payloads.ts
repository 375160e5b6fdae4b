// zod schemas for the Slack payloads Spur reads. Anything else in a payload is ignored.
import { z } from "zod";

export const SlashCommandPayload = z.object({
  command: z.string().startsWith("/"),
  text: z.string().max(4000).default(""),
  team_id: z.string().min(1),
  enterprise_id: z.string().optional(),
  user_id: z.string().regex(/^[UW][A-Z0-9]+$/),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
  response_url: z.string().url(),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandPayload>;

export const SlackUser = z.object({
  id: z.string(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  is_admin: z.boolean().optional(),
  is_owner: z.boolean().optional(),
  tz: z.string().optional(),
  locale: z.string().optional(),
  profile: z
    .object({
      display_name: z.string().optional(),
      real_name: z.string().optional(),
      email: z.string().optional(),
    })
    .optional(),
});
export type SlackUser = z.infer<typeof SlackUser>;
