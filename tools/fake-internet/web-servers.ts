// The simulated web servers: for every server address of the world, an HTTP and an HTTPS
// listener on the same two ports (so VERIFY_HTTP_PORT and VERIFY_HTTPS_PORT fit all of them),
// each connection handed to one shared HTTP(S) server that answers by address and Host.
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { CertificateMaker } from "./certificates.ts";
import { closedPage, defaultSitePage, expiredPage, notFiledPage, sitePage, statusPage, suspendedPage, type Page } from "./pages.ts";
import type { FakeDomain, World } from "./world.ts";

export const HUGE_BODY_BYTES = 10 * 1024 * 1024;
export const AWAY_URL = "https://www.jintan.gov.cn/col/col1/index.html";

export interface WebServers {
  httpPort: number;
  httpsPort: number;
  /** Opens and closes listeners to match the world's servers (off = nothing listens). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

interface Listener {
  server: net.Server;
  sockets: Set<net.Socket>;
}

function send(res: http.ServerResponse, page: Page): void {
  res.writeHead(page.status, { "Content-Type": page.contentType, "Content-Length": page.body.length, Server: "nginx", ...page.headers });
  res.end(page.body);
}

function redirect(res: http.ServerResponse, status: number, location: string): void {
  res.writeHead(status, { Location: location, "Content-Length": 0, Server: "nginx" });
  res.end();
}

function serveHuge(world: World, res: http.ServerResponse): void {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": HUGE_BODY_BYTES, Server: "nginx" });
  const chunk = Buffer.alloc(64 * 1024, "<p>大量内容</p>\n");
  let sent = 0;
  let finished = false;
  const pump = () => {
    while (sent < HUGE_BODY_BYTES) {
      const piece = chunk.subarray(0, Math.min(chunk.length, HUGE_BODY_BYTES - sent));
      sent += piece.length;
      world.stats.hugeBytesSent += piece.length;
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    finished = true;
    res.end();
  };
  res.on("close", () => {
    if (!finished) world.stats.hugeAborted++;
    world.changed();
  });
  pump();
}

/** Headers at once, then the page a few bytes at a time: slower than any probe's budget. */
function serveSlow(res: http.ServerResponse, page: Page): void {
  res.writeHead(200, { "Content-Type": page.contentType, "Content-Length": page.body.length, Server: "nginx" });
  let offset = 0;
  const timer = setInterval(() => {
    if (offset >= page.body.length) {
      clearInterval(timer);
      return void res.end();
    }
    res.write(page.body.subarray(offset, offset + 4));
    offset += 4;
  }, 250);
  res.on("close", () => clearInterval(timer));
}

function serveSite(world: World, d: FakeDomain, req: http.IncomingMessage, res: http.ServerResponse, secure: boolean): void {
  if (!secure && d.upgradeToHttps) return redirect(res, 301, `https://${d.name}${req.url ?? "/"}`);
  switch (d.page) {
    case "up":
      return send(res, sitePage(d));
    case "not-found":
      return send(res, statusPage(404));
    case "gone":
      return send(res, statusPage(410));
    case "error":
      return send(res, statusPage(503));
    case "suspended":
      return send(res, suspendedPage(d.providerVariant));
    case "not-filed":
      return send(res, notFiledPage(d.providerVariant));
    case "closed":
      return send(res, closedPage(d));
    case "expired":
      return send(res, expiredPage());
    case "redirect-loop":
      return redirect(res, 302, req.url === "/" ? "/index.html" : "/");
    case "redirect-away":
      return redirect(res, 301, AWAY_URL);
    case "huge":
      return serveHuge(world, res);
    case "slow":
      return serveSlow(res, sitePage(d));
    case "hang":
      return;
  }
}

function handler(world: World, secure: boolean) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const local = req.socket.localAddress ?? "";
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    world.stats.inFlight++;
    world.stats.maxInFlight = Math.max(world.stats.maxInFlight, world.stats.inFlight);
    res.on("close", () => {
      world.stats.inFlight--;
    });
    world.countRequest(host, req.headers);
    const server = world.servers.get(local);
    const d = world.domains.get(host);
    if (!d || d.address !== local || !d.bound || (secure && !d.https)) return send(res, defaultSitePage(server?.defaultSite ?? "nginx"));
    serveSite(world, d, req, res, secure);
  };
}

function listen(server: net.Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, address, () => {
      server.off("error", onError);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

export async function startWebServers(world: World, certs: CertificateMaker): Promise<WebServers> {
  const httpServer = http.createServer(handler(world, false));
  const httpsServer = https.createServer(
    {
      key: certs.defaultKeyPem,
      cert: certs.defaultCertPem,
      SNICallback: (name, cb) => {
        certs.contextFor(name).then((context) => cb(null, context), (error: Error) => cb(error));
      },
    },
    handler(world, true),
  );
  for (const s of [httpServer, httpsServer]) s.on("clientError", (_error, socket) => socket.destroy());
  const listeners = new Map<string, Listener>();
  let ports = { http: 0, https: 0 };

  const open = async (address: string, kind: "http" | "https"): Promise<void> => {
    const key = `${kind} ${address}`;
    if (listeners.has(key)) return;
    const sockets = new Set<net.Socket>();
    const raw = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
      world.stats.connections.set(address, (world.stats.connections.get(address) ?? 0) + 1);
      const state = world.servers.get(address);
      world.changed();
      if (!state || state.mode === "silent") return;
      if (state.mode === "reset") return void socket.resetAndDestroy();
      (kind === "http" ? httpServer : httpsServer).emit("connection", socket);
    });
    listeners.set(key, { server: raw, sockets });
    try {
      const port = await listen(raw, ports[kind], address);
      if (ports[kind] === 0) ports[kind] = port;
    } catch (error) {
      listeners.delete(key);
      throw error;
    }
  };

  const shut = async (key: string): Promise<void> => {
    const listener = listeners.get(key);
    if (!listener) return;
    listeners.delete(key);
    await new Promise<void>((resolve) => {
      listener.server.close(() => resolve());
      for (const s of listener.sockets) s.destroy();
    });
  };

  const sync = async (): Promise<void> => {
    for (const server of world.servers.values()) {
      const wantHttp = server.mode !== "off";
      const wantHttps = wantHttp && server.https;
      if (wantHttp) await open(server.address, "http");
      else await shut(`http ${server.address}`);
      if (wantHttps) await open(server.address, "https");
      else await shut(`https ${server.address}`);
    }
  };

  // NOTE: the ports are chosen by the first listeners; another address may have them taken by
  // some other program, then every listener starts over on new ports.
  for (let attempt = 0; ; attempt++) {
    try {
      await sync();
      break;
    } catch (error) {
      await Promise.all([...listeners.keys()].map(shut));
      ports = { http: 0, https: 0 };
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 5) throw error;
    }
  }
  // NOTE: a port is held on a guard address for as long as the fake internet runs. Without it, a
  // port whose every site was down (or not added yet) was free: another program's listener on all
  // interfaces could take it, and the next site added or brought back failed with EADDRINUSE.
  const guards: net.Server[] = [];
  for (const kind of ["http", "https"] as const) {
    const guard = net.createServer((socket) => socket.destroy());
    try {
      ports[kind] = await listen(guard, ports[kind], GUARD_ADDRESS);
      guards.push(guard);
    } catch {
      // the port is already held on the guard address: only a first listener elsewhere protects it
    }
  }

  return {
    get httpPort() {
      return ports.http;
    },
    get httpsPort() {
      return ports.https;
    },
    sync,
    close: async () => {
      await Promise.all([...listeners.keys()].map(shut));
      await Promise.all(guards.map((g) => new Promise((resolve) => g.close(resolve))));
      httpServer.closeAllConnections();
      httpsServer.closeAllConnections?.();
    },
  };
}

/** Where the ports are held; no site of the world lives there (nor does a test put one there). */
const GUARD_ADDRESS = "127.255.255.254";
