/** How a contact is named in the audit trail: "王芳 (U0WANG)", or the name alone. */
export function describeContact(c: { name: string; slackUserId: string | null }): string {
  return c.slackUserId ? `${c.name} (${c.slackUserId})` : c.name;
}
