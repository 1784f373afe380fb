// A local stand-in for Slack: the Web API the bot calls, and helpers to act as Slack towards the bot.
export { startSlackStandin, DEFAULT_CHANNELS } from "./standin-server.ts";
export type {
  BlockJson,
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
  checkBlocks,
  checkView,
  formatProblem,
  messageTextTooLong,
  type BlockProblem,
  type Surface,
} from "./block-kit-limits.ts";
