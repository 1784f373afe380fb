// Messages shown as text, with their buttons numbered so `:click n` can press one. The numbers run
// across everything one command printed; the next output with buttons starts again at 1.
import { renderMessage, type RenderOptions, type RenderedButton, type StoredMessage } from "../slack-standin/index.ts";

export interface ShownMessage {
  message: Pick<StoredMessage, "ts" | "text" | "user" | "blocks" | "files"> & { bot_id?: string };
  channelId: string;
  isEphemeral: boolean;
}

export interface PressableButton {
  button: RenderedButton;
  shown: ShownMessage;
}

const INDENT = "  ";

export class ButtonBoard {
  private buttons = new Map<number, PressableButton>();
  private next = 1;
  private startsAgain = true;

  constructor(readonly renderOptions: () => RenderOptions) {}

  /** A new command's output: its first button will be 1 again. */
  startOutput(): void {
    this.startsAgain = true;
  }

  /** The message as indented lines; its buttons join the board. */
  show(shown: ShownMessage): string[] {
    const firstButton = this.startsAgain ? 1 : this.next;
    const rendered = renderMessage(shown.message, { ...this.renderOptions(), firstButton });
    if (rendered.buttons.length > 0) {
      if (this.startsAgain) this.buttons = new Map();
      this.startsAgain = false;
      for (const button of rendered.buttons) this.buttons.set(button.n, { button, shown });
      this.next = rendered.buttons.at(-1)!.n + 1;
    }
    const files = (shown.message.files ?? []).map((f) => `📎 ${f.title} (${f.name})`);
    const lines = [...rendered.lines, ...files];
    if (lines.length === 0) lines.push("");
    return lines.map((l) => INDENT + l);
  }

  get(n: number): PressableButton | undefined {
    return this.buttons.get(n);
  }

  get size(): number {
    return this.buttons.size;
  }
}
