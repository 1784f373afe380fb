// `digest`: post the coordinators' digest now; `digest preview`: show it only to the coordinator.
import { resultMessages as rm } from "../../messages/result-messages.ts";
import type { UseCase } from "../command-context.ts";
import { requireOutbox } from "../require-outbox.ts";

export const postDigest: UseCase<"digest"> = async ({ deps, input }, command) => {
  const outbox = requireOutbox(deps);
  if (command.preview) return { kind: "prebuilt", message: await outbox.previewDigest(input.now) };
  const posted = await outbox.postDigest(input.now);
  return { kind: "done", text: rm.digestPosted(posted.channel) };
};
