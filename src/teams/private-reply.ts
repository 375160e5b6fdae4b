// Teams has no ephemeral messages: what only the sender may see (scorecards, feedback forms) is shown in a
// personal chat with Spur, never in a channel or group chat.
import { ErrorCode, SpurError } from "../core/shared/errors.ts";
import type { Msg } from "../i18n/message.ts";
import type { Interaction } from "../use-cases/interaction.ts";

/** A card action whose card is private: refused (with `refusal`) anywhere but a personal chat. */
export function personalOnly<Deps, Args>(interaction: Interaction<Deps, Args>, refusal: Msg): Interaction<Deps, Args> {
  return {
    name: interaction.name,
    run(deps, req) {
      if (req.place.kind !== "personal") return Promise.reject(new SpurError(ErrorCode.NotAllowed, refusal));
      return interaction.run(deps, req);
    },
  };
}
