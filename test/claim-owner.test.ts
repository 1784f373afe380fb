// Whether a claim's holder can still be sending: real processes, real pids.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { claimLiveness, holdClaim, newClaimOwner } from "../src/schedule/claim-owner.ts";

const withPid = (owner: string, pid: number, start?: string) =>
  owner.replace(/pid=\d+/, `pid=${pid}`).replace(/start=\S+/, start === undefined ? "$&" : `start=${start}`);

describe("the holder of a delivery claim", () => {
  it("is alive while this process has the claim in hand, and gone once it let go", () => {
    const owner = newClaimOwner();
    const letGo = holdClaim(owner, "reminder:2027-06-20:U0A");
    expect(claimLiveness(owner, "reminder:2027-06-20:U0A")).toBe("alive");
    letGo();
    expect(claimLiveness(owner, "reminder:2027-06-20:U0A")).toBe("gone");
  });

  it("is gone when its process has exited, and when its pid now belongs to another process", async () => {
    const child = spawn(process.execPath, ["-e", "0"]);
    const pid = child.pid!;
    await new Promise((resolve) => child.on("exit", resolve));
    expect(claimLiveness(withPid(newClaimOwner(), pid), "k")).toBe("gone");
    expect(claimLiveness(withPid(newClaimOwner(), process.ppid, "1"), "k")).toBe("gone");
  });

  it("is alive when it is another live process of this machine", () => {
    const parent = withPid(newClaimOwner(), process.ppid, "-");
    expect(claimLiveness(parent, "k")).toBe("alive");
  });

  it.each([
    ["on another machine", "host=elsewhere machine=0a1b2c3d.4026531836 pid=1 start=1 claim=x"],
    ["written by an older version", "build-host:4242:1a2b3c4d"],
    ["unknown", null],
  ])("cannot be told %s: the claim waits for its lease", (_name, owner) => {
    expect(claimLiveness(owner, "k")).toBe("unknown");
  });
});
