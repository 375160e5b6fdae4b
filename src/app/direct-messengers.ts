// One DirectMessenger for the core: each message goes out on the platform of the workspace it belongs to.
import type { DirectMessage, DirectMessenger } from "../core/feedback-ports.ts";
import type { PostedRef } from "../core/ports.ts";

export function workspaceOfDirectMessage(message: DirectMessage): string {
  switch (message.kind) {
    case "feedback_summary":
      return message.summary.request.workspaceId;
    case "recognition_prompt":
      return message.member.workspaceId;
    default:
      return message.request.workspaceId;
  }
}

export class DirectMessengerByWorkspace implements DirectMessenger {
  constructor(private readonly messengerFor: (workspaceId: string) => Promise<DirectMessenger>) {}

  async send(platformUserId: string, message: DirectMessage): Promise<PostedRef> {
    return (await this.messengerFor(workspaceOfDirectMessage(message))).send(platformUserId, message);
  }

  async update(ref: string, message: DirectMessage): Promise<void> {
    await (await this.messengerFor(workspaceOfDirectMessage(message))).update(ref, message);
  }
}
