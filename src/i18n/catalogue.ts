// Every locale's messages. English defines the keys; each other catalogue must have exactly those keys.
import { en } from "./en/index.ts";
import type { Locale } from "./locale.ts";
import { zhCN } from "./zh-CN/index.ts";

export type MessageKey = keyof typeof en;

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };
