// Who holds a delivery claim, written so that another process can tell whether the holder is gone.
// A claim names the machine (host name, boot id, PID namespace), the process (pid and its start
// time, so a reused pid is not mistaken for the holder) and the pass. Only a holder on the same
// machine and in the same PID namespace can be checked; one elsewhere is "unknown" and its claim
// is taken over only when its lease runs out.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";

export type Liveness = "alive" | "gone" | "unknown";

interface ClaimOwner {
  host: string;
  /** Boot id and PID namespace: equal only for processes that can see each other's pids. */
  machine: string;
  pid: number;
  /** Start time of the process in clock ticks since boot ("" where /proc is missing). */
  start: string;
  claim: string;
}

function readOrEmpty(read: () => string): string {
  try {
    return read().trim();
  } catch {
    return "";
  }
}

/** Fields 3 (state) and 22 (start time) of /proc/<pid>/stat; the name (field 2) may hold spaces and parentheses. */
function procStat(pid: number | "self"): { state: string; start: string } {
  const fields = readOrEmpty(() => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2);
  }).split(" ");
  return { state: fields[0] ?? "", start: fields[19] ?? "" };
}

const bootId = readOrEmpty(() => fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8")).slice(0, 8);
const pidNamespace = readOrEmpty(() => fs.readlinkSync("/proc/self/ns/pid")).replace(/\D/g, "");
const THIS_PROCESS: Omit<ClaimOwner, "claim"> = {
  host: os.hostname().replace(/\s/g, "_") || "localhost",
  machine: `${bootId || "-"}.${pidNamespace || "-"}`,
  pid: process.pid,
  start: procStat("self").start,
};

/** Distinct per pass, so two passes (or processes) never mistake each other's claims. */
export function newClaimOwner(): string {
  const o = { ...THIS_PROCESS, claim: randomUUID().slice(0, 8) };
  return `host=${o.host} machine=${o.machine} pid=${o.pid} start=${o.start || "-"} claim=${o.claim}`;
}

function parseClaimOwner(text: string): ClaimOwner | null {
  const fields = Object.fromEntries(text.split(" ").map((part) => part.split("=", 2) as [string, string]));
  const pid = Number(fields.pid);
  if (!fields.host || !fields.machine || !Number.isInteger(pid) || pid <= 0 || !fields.claim) return null;
  return { host: fields.host, machine: fields.machine, pid, start: fields.start === "-" ? "" : (fields.start ?? ""), claim: fields.claim };
}

/** Claims this process holds right now (owner + key), so its own leftovers can be told from live sends. */
const inFlight = new Set<string>();

export function holdClaim(owner: string, key: string): () => void {
  const id = `${owner}\n${key}`;
  inFlight.add(id);
  return () => inFlight.delete(id);
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the process that holds `key` with claim `owner` can still be sending it. */
export function claimLiveness(owner: string | null, key: string): Liveness {
  const o = owner ? parseClaimOwner(owner) : null;
  if (!o || o.host !== THIS_PROCESS.host || o.machine !== THIS_PROCESS.machine || o.machine.includes("-")) return "unknown";
  if (o.pid === THIS_PROCESS.pid && o.start === THIS_PROCESS.start) return inFlight.has(`${owner}\n${key}`) ? "alive" : "gone";
  if (!pidExists(o.pid)) return "gone";
  const { state, start } = procStat(o.pid);
  // A killed process not yet reaped by its parent (Z) sends nothing any more.
  if (state === "Z" || state === "X" || (o.start && start && start !== o.start)) return "gone";
  return "alive";
}
