// Slack's kudos form picks people with its own users select: Spur lists nobody.
import type { PeoplePicker } from "../use-cases/recognition/people-picker.ts";

export const slackPeoplePicker: PeoplePicker = { listed: () => Promise.resolve(null) };
