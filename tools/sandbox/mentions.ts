// What Slack does to a typed "@王芳" before the command reaches the bot: it becomes <@U…|name>.
import type { StandinUser } from "../slack-standin/index.ts";

/** The user a typed name means: id, handle (any case) or real name. */
export function findUserByName(users: readonly StandinUser[], word: string): StandinUser | undefined {
  const w = word.replace(/^@/, "");
  const lower = w.toLowerCase();
  return (
    users.find((u) => u.id.toLowerCase() === lower) ??
    users.find((u) => u.name.toLowerCase() === lower) ??
    users.find((u) => u.realName === w)
  );
}

/**
 * What Slack sends for a typed command: `&`, `<`, `>` as entities, and @name of known users as
 * mentions. A mention pasted in Slack's own form (<@U…|name>) is kept, as a shortcut.
 */
export function escapeMentions(text: string, users: readonly StandinUser[]): string {
  const escaped = text
    .split(/(<@[UW][A-Z0-9]+(?:\|[^<>]*)?>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")))
    .join("");
  return escaped.replace(/(^|\s)@([^\s@<>|&]+)/g, (whole, space: string, word: string) => {
    const user = findUserByName(users, word);
    return user ? `${space}<@${user.id}|${user.name}>` : whole;
  });
}

/** Slack user ids mentioned in a command, however they were written. */
export function mentionedUserIds(text: string): string[] {
  const ids = new Set<string>();
  // NOTE: an id has a digit; without that, a word typed in capitals (UNBIND) would pass for one.
  for (const m of text.matchAll(/(?:^|[\s<@])@?([UW](?=[A-Z0-9]*\d)[A-Z0-9]{2,})(?=[\s|>]|$)/g)) ids.add(m[1]!);
  return [...ids];
}
