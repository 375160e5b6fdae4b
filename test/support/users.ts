import type { FakeUser } from "./fake-slack-api.ts";

/** The people of the test workspace. */
export const USERS = {
  ana: { id: "UANA", name: "ana", real_name: "Ana Alves", email: "ana@example.com", tz: "Europe/Lisbon" },
  bo: { id: "UBO", name: "bo", real_name: "Bo Berg", email: "bo@example.com" },
  carl: { id: "UCARL", name: "carl", real_name: "Carl Cruz", email: "carl@example.com" },
  dee: { id: "UDEE", name: "dee", real_name: "Dee Diaz", email: "dee@example.com" },
  admin: { id: "UADMIN", name: "alex", real_name: "Alex Admin", is_admin: true },
  bot: { id: "UHELPBOT", name: "helpbot", is_bot: true },
  gone: { id: "UGONE", name: "gone", real_name: "Gone Person", deleted: true },
} satisfies Record<string, FakeUser>;

export const ALL_USERS: FakeUser[] = Object.values(USERS);

export function esc(user: FakeUser): string {
  return `<@${user.id}|${user.name}>`;
}
