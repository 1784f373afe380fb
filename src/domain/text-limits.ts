// How long the text people give may be, the same on every surface: a note typed after a
// slash command, the reason in the 遇到问题 modal, the checklist form, the unit sheet.
// NOTE: counted in UTF-16 units, as JavaScript and Slack's input max_length count them; for
// Chinese text that is one per character.

/** A note or reason kept with a checklist item. */
export const NOTE_MAX_LENGTH = 500;

/** A person's name (a contact in the unit sheet, a Slack profile name) or a sponsor's name. */
export const NAME_MAX_LENGTH = 100;

export function isTooLong(text: string | null | undefined, max: number): boolean {
  return (text ?? "").length > max;
}

/**
 * A note kept from before the limit, as an input field may show it: shortened to the limit,
 * ending with "…". A form that sends this back unchanged leaves the note as it was.
 */
export function noteForInput(note: string): string {
  if (note.length <= NOTE_MAX_LENGTH) return note;
  let cut = NOTE_MAX_LENGTH - 1;
  const code = note.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${note.slice(0, cut)}…`;
}
