// Every Web API method the stand-in answers; anything else is unknown_method, as on Slack.
import { chatMethods } from "./chat-methods.ts";
import { conversationMethods } from "./conversation-methods.ts";
import { fileMethods } from "./file-methods.ts";
import type { MethodHandler } from "./method-context.ts";
import { userMethods } from "./user-methods.ts";
import { viewMethods } from "./view-methods.ts";

export const WEB_API_METHODS: Readonly<Record<string, MethodHandler>> = {
  ...userMethods,
  ...chatMethods,
  ...conversationMethods,
  ...viewMethods,
  ...fileMethods,
};
