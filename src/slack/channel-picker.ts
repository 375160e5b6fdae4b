// Slack's forms pick channels with its own conversations select: Spur lists none.
import type { ChannelPicker } from "../use-cases/recognition/channel-picker.ts";

export const slackChannelPicker: ChannelPicker = { listed: () => Promise.resolve(null) };
