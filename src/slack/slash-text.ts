// The text of a slash command as the person typed it, from what Slack sends (should_escape on):
// `&`, `<`, `>` arrive as entities, links as <http://…|label>, @here as <!here>, channels as
// <#C…|name>, people as <@U…|name>. Decoded once, here at the edge: the store keeps what was
// typed (an export shows 1<2, never 1&lt;2), and mrkdwn escapes it once when it is shown.

/** Decodes Slack's escaping; mentions of people stay <@U…|name>, which the parser reads. */
export function typedText(slackText: string): string {
  return (
    slackText
      // A link Slack made of something typed: what was typed (its label, else the address).
      .replace(/<((?:https?|mailto):[^<>|]*)(?:\|([^<>]*))?>/g, (_whole, url: string, label?: string) => label ?? url)
      .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, "@$1")
      .replace(/<!subteam\^[A-Z0-9]+(?:\|([^<>]*))?>/g, (_whole, label?: string) => label ?? "@group")
      .replace(/<#([CG][A-Z0-9]+)(?:\|([^<>]*))?>/g, (_whole, id: string, name?: string) => `#${name || id}`)
      // NOTE: &amp; last, so a typed "&lt;" (sent as "&amp;lt;") stays "&lt;".
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
  );
}
