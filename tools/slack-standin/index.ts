// A local stand-in for Slack: the Web API the bot calls, and helpers to act as Slack towards the bot.
export { startSlackStandin } from "./standin-server.ts";
export {
  DEFAULT_BOT_TOKEN,
  DEFAULT_BOT_USER_ID,
  DEFAULT_CHANNELS,
  DEFAULT_TEAM_DOMAIN,
  DEFAULT_TEAM_ID,
  STANDIN_APP_ID,
  STANDIN_BOT_ID,
} from "./standin-defaults.ts";
export { SLACK_CHANNEL_RATE } from "./channel-rate-limit.ts";
export { METHOD_SCOPES, manifestBotScopes } from "./method-scopes.ts";
export { TRIGGER_LIFETIME_MS } from "./trigger-ids.ts";
export type {
  BlockJson,
  ChannelRate,
  Failure,
  MessageMetadata,
  RecordedCall,
  ResponseUrlOptions,
  ResponseUrlPost,
  SlackStandin,
  StandinChannel,
  StandinOptions,
  StandinUser,
  StoredEphemeral,
  StoredFile,
  StoredFileRef,
  StoredMessage,
  StoredView,
} from "./types.ts";
export {
  BLOCK_KIT_LIMITS,
  KNOWN_BLOCK_TYPES,
  blocksTextLength,
  blocksTooLong,
  checkBlocks,
  checkView,
  formatProblem,
  messageTextTooLong,
  type BlockProblem,
  type Surface,
} from "./block-kit-limits.ts";
export {
  interactionBody,
  newTriggerId,
  sendInteraction,
  sendSignedRequest,
  sendSlashCommand,
  signSlackRequest,
  slashCommandBody,
  type SendOptions,
  type SlackHttpResult,
  type SlackSignatureHeaders,
  type SlashCommandInput,
} from "./signed-request.ts";
export {
  buildMessageBlockActions,
  buildViewBlockActions,
  buildViewSubmission,
  viewStateFrom,
  type ActingUser,
  type ClickedButton,
  type PayloadTeam,
  type ViewInputs,
} from "./interaction-payloads.ts";
export {
  displayWidth,
  renderMessage,
  renderMrkdwn,
  renderView,
  type RenderOptions,
  type Rendered,
  type RenderedButton,
} from "../../src/slack/blocks/render-text.ts";
