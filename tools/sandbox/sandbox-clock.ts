// The bot's clock in the sandbox: real time running on from wherever :now last set it, so a
// rehearsal can stand on June 12 and still see one report follow another.
export class SandboxClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}
