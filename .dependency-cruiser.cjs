// The architecture, as rules a machine checks (test/architecture.test.ts runs them in npm test;
// `npx depcruise src tools scripts bench test` shows them by hand). docs/architecture.md draws the
// same picture for people. Each rule says in its comment what it keeps true; when one fails, move
// the code (or the type) to where its meaning lives rather than adding an exception here.
//
// The layers of src/, each importing only those below it:
//
//   main.ts, app/, cli/          composition: config, store, clock and Slack wired together
//   slack/      schedule/        Bolt (listeners, blocks, App Home, the sender) | cron → passes → delivery
//   use-cases/                   one story per /shutdown command, a button or the form
//   store/  export/  units/      SQLite through Prisma | CSV and Excel out | the unit sheet in
//   domain/ (command/)           the campaign's rules, and the parser of what people type
//   messages/                    every Chinese text a person reads
//   domain/model/  lib/          the campaign's nouns (records, tasks, the Shanghai calendar) | helpers
//
// verification/ and icp-form/ are modules of their own (internet probes, the 附件4 document):
// they use domain/ and messages/; the use cases and the CLIs fill the form, nothing uses the probes yet.

const layer = (folders) => `^src/(${folders.join("|")})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-file-cycles",
      comment: "No file imports itself, however far round: a cycle means two files are one idea split badly, or a type kept in the wrong place.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-cycles",
      comment: "No folder imports itself through another folder: folders form layers, so each can be read (and swapped) knowing only those below it.",
      severity: "error",
      scope: "folder",
      from: { path: "^(src|tools)/" },
      to: { circular: true },
    },
    {
      name: "src-is-only-what-npm-start-runs",
      comment: "Production code never imports the tools (the Slack stand-in, the sandbox, the fake internet), the tests, the benchmarks or the scripts.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(tools|test|bench|scripts)/" },
    },
    {
      name: "model-is-the-bottom",
      comment: "src/domain/model/ holds the nouns everyone shares (records, tasks, states, the Shanghai calendar): it imports nothing of src/ but src/lib/.",
      severity: "error",
      from: { path: "^src/domain/model/" },
      to: { path: "^src/", pathNot: ["^src/domain/model/", "^src/lib/"] },
    },
    {
      name: "messages-speak-of-the-model-only",
      comment: "Texts are written about the nouns (src/domain/model/), never about rules, repositories or Slack: the rules use the texts, not the other way round.",
      severity: "error",
      from: { path: "^src/messages/" },
      to: { path: "^src/", pathNot: ["^src/messages/", "^src/domain/model/", "^src/lib/"] },
    },
    {
      name: "domain-knows-no-slack-store-or-prisma",
      comment: "The campaign's rules read without knowing Slack, Prisma, the store, the scheduler or the surfaces: they take plain records and `now`.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: {
        path: [
          layer(["app", "cli", "config", "slack", "schedule", "use-cases", "store", "export", "units", "generated", "verification", "icp-form"]),
          "^src/main\\.ts$",
        ],
      },
    },
    {
      name: "domain-uses-no-io-library",
      comment: "No Slack SDK, Prisma, SQLite driver or cron in the rules.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["npm", "npm-dev"], path: "node_modules/(@slack|@prisma|prisma|better-sqlite3|node-cron|cron-parser)/" },
    },
    {
      name: "slack-sdk-only-in-slack",
      comment: "Slack's SDK and types stay in src/slack/ (and the composition root that makes the app): the others speak of messages and a client src/slack/ hands them.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/slack/", "^src/app/"] },
      to: { path: "node_modules/@slack/" },
    },
    {
      name: "prisma-only-in-the-store",
      comment: "Prisma, its generated client and the SQLite driver are the store's business alone.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/store/", "^src/generated/"] },
      to: { path: ["^src/generated/", "node_modules/(@prisma|prisma|better-sqlite3)/"] },
    },
    {
      name: "use-cases-do-not-reach-up",
      comment: "A use case knows its deps by interface: it never imports Slack, the scheduler or the composition root (they call it).",
      severity: "error",
      from: { path: "^src/use-cases/" },
      to: { path: [layer(["slack", "schedule", "app", "cli"]), "^src/main\\.ts$"] },
    },
    {
      name: "schedule-does-not-reach-up",
      comment: "Scheduled work (scheduler, passes, follow-ups, delivery) uses Slack's blocks and sender, never the listeners' side: use cases, the composition root, the CLIs.",
      severity: "error",
      from: { path: "^src/schedule/" },
      to: { path: [layer(["use-cases", "app", "cli"]), "^src/slack/(listeners|home)/", "^src/main\\.ts$"] },
    },
    {
      name: "slack-does-not-reach-into-schedule",
      comment: "Bolt's side gets what it sends after a reply (follow-ups, the digest) as functions from the composition root, so src/schedule/ may use src/slack/ without a knot.",
      severity: "error",
      from: { path: "^src/slack/" },
      to: { path: [layer(["schedule", "app", "cli"]), "^src/main\\.ts$"] },
    },
    {
      name: "store-knows-no-surface",
      comment: "Repositories return plain records: they know the domain's nouns, never Slack, the scheduler or the use cases.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: [layer(["slack", "schedule", "use-cases", "app", "cli", "export"]), "^src/main\\.ts$"] },
    },
    {
      name: "composition-is-imported-by-nobody-but-entry-points",
      comment: "src/app/ and src/cli/ wire everything together; only src/main.ts, scripts/, tools/, bench/ and test/ start them.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/app/", "^src/cli/", "^src/main\\.ts$"] },
      to: { path: layer(["app", "cli"]) },
    },
  ],
  options: {
    // NOTE: swc, not tsc: the project's TypeScript 7 has no JavaScript API for the tool to use.
    // swc keeps `import type` as an import, so types count as dependencies: a knot through
    // types is still a knot.
    parser: "swc",
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^src/generated/", "node_modules"] },
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
