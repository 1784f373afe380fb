// Slack's published limits that the bot builds every surface to fit (decision 009).
export const SLACK_LIMITS = {
  /** Blocks in a message: chat.postMessage, chat.update, ephemeral and response_url replies. */
  messageBlocks: 50,
  /** Blocks in a modal or the App Home tab. */
  viewBlocks: 100,
  /** Text across all blocks of a message; beyond it Slack answers msg_blocks_too_long. */
  messageChars: 12_000,
  /** One section text or context element. */
  text: 3_000,
  /** One field of a section. */
  field: 2_000,
  header: 150,
  buttonText: 75,
  /** The bot's own cap on a message's notification text (Slack takes 40,000; a phone shows a line). */
  fallbackText: 3_000,
} as const;

export type Surface = "message" | "view";
