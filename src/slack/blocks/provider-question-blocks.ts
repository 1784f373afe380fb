// 是否区电信接入？ — the one question asked before a unit's first ICP reminder, with its two answers.
import { icpPathMessages as M, providerQuestionTexts as T } from "../../messages/icp-filing-messages.ts";
import { md } from "../../messages/mrkdwn.ts";
import { context, plainText, section, type KnownBlock } from "./block-kit.ts";
import { message, type SlackMessage } from "./slack-message.ts";

export const PROVIDER_ACTION = { local: "provider_answer:local", other: "provider_answer:other" } as const;

export function providerQuestionMessage(unit: { key: string; name: string }): SlackMessage {
  const blocks: KnownBlock[] = [
    section(md`*${unit.name}*：${M.providerQuestion}`),
    context(M.providerQuestionDetail),
    {
      type: "actions",
      block_id: `provider:${unit.key}`,
      elements: [
        { type: "button", action_id: PROVIDER_ACTION.local, text: plainText(T.yes), style: "primary", value: unit.key },
        { type: "button", action_id: PROVIDER_ACTION.other, text: plainText(T.no), value: unit.key },
      ],
    },
  ];
  return message(md`${unit.name}：${M.providerQuestion}${T.typeInstead(unit.name)}`, blocks);
}
