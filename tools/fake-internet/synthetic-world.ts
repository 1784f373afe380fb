// A large synthetic world for the benchmarks: N registered .gov.cn domains spread over a number
// of server addresses, some of them slow (a page dripping in) and some servers silent.
import type { FakeDomainInit } from "./world.ts";

export interface SyntheticSpec {
  count: number;
  /** Share of domains whose page drips in slower than any budget. */
  slowShare: number;
  /** Share of servers (and so of domains) that accept connections and say nothing. */
  silentShare: number;
  servers: number;
}

export function syntheticName(i: number): string {
  return `b${String(i).padStart(5, "0")}.gov.cn`;
}

export function syntheticServerAddress(s: number): string {
  return `127.77.${Math.floor(s / 250)}.${(s % 250) + 1}`;
}

export function syntheticDomains(spec: SyntheticSpec): FakeDomainInit[] {
  const slowEvery = spec.slowShare > 0 ? Math.round(1 / spec.slowShare) : 0;
  return Array.from({ length: spec.count }, (_, i) => ({
    name: syntheticName(i),
    address: syntheticServerAddress(i % spec.servers),
    title: `测试单位${i}`,
    icpNumber: `苏ICP备${String(10_000_000 + i)}号-1`,
    page: slowEvery > 0 && i % slowEvery === slowEvery - 1 ? ("slow" as const) : ("up" as const),
  }));
}

/** The servers that say nothing: the first silentShare of them. */
export function silentServers(spec: SyntheticSpec): string[] {
  return Array.from({ length: Math.round(spec.servers * spec.silentShare) }, (_, s) => syntheticServerAddress(s));
}
