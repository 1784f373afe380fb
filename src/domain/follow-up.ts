// Messages a change calls for, sent after the reply through the delivery log (each once).

/**
 * Messages a change calls for, sent after the reply through the delivery log (each once):
 * a new contact's welcome, a refused join request's answer, the contacts of a moved deadline, the
 * coordinators' 🎉 line.
 */
export type FollowUp =
  | { kind: "welcome"; userId: string; unitKeys: string[] }
  | { kind: "join-rejected"; userId: string; unitName: string; requestId: number }
  | { kind: "deadline-moved"; deadlineKey: string; from: Date; to: Date }
  | { kind: "unit-done"; unitKey: string };
