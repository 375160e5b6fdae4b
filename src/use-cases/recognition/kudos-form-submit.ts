// A kudos form's Send: validated, given through the same core giveKudos as the command, and confirmed; or the
// same form back with what was entered and each refusal next to the field it is about.
import { kudosFormFieldFor, type KudosFormErrors, type KudosFormInput, validateKudosForm } from "../../core/recognition/kudos-form.ts";
import { giveKudos, type KudosDeps } from "../../core/recognition/kudos.ts";
import { isSpurError } from "../../core/shared/errors.ts";
import { type Interaction, privately, type Reply, type Request } from "../interaction.ts";
import { giftConfirmation } from "./kudos-bodies.ts";
import { type KudosFormDeps, kudosFormOf, type KudosFormState } from "./kudos-form.ts";

export interface KudosFormSubmission {
  values: KudosFormInput;
  state: KudosFormState;
  /** The shape of the platform's user ids: anything else in Who? was not picked from the list. */
  userIds: RegExp;
}

export type KudosFormSubmitDeps = KudosFormDeps & KudosDeps;

export const submitKudosForm: Interaction<KudosFormSubmitDeps, KudosFormSubmission> = {
  name: "kudos.form.submit",
  async run(deps, req: Request<KudosFormSubmission>): Promise<Reply[]> {
    const { values, state } = req.args;
    const again = async (errors: KudosFormErrors): Promise<Reply[]> => [{ kind: "form", form: await kudosFormOf(deps, req, { state, values, errors }) }];
    const form = validateKudosForm(values, req.args.userIds);
    if (!form.ok) return again(form.errors);
    try {
      const outcome = await giveKudos(deps, {
        workspace: req.workspace,
        defaultTeam: req.team,
        giverPlatformId: req.actor.platformUserId,
        giver: req.actor,
        command: form.command,
        source: state.source,
        sourceRef: state.messageLink,
        idempotencyKey: req.idempotencyKey,
        originChannelId: req.place.channelId,
      });
      return [{ kind: "close" }, privately(giftConfirmation(outcome, outcome.shoutoutChannelId, req.place.channelId))];
    } catch (err) {
      // A refusal still worded in English only is the runner's to show.
      if (!isSpurError(err)) throw err;
      return again({ [kudosFormFieldFor(err.code)]: err.reply });
    }
  },
};
