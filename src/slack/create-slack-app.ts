// The Bolt app: HTTP receiver (or Socket Mode), Web API base URL, listeners, /healthz.
import { App, LogLevel } from "@slack/bolt";
import type { BotContext } from "./bot-context.ts";
import { register as registerAppHomeOpened } from "./listeners/app-home-opened.ts";
import { register as registerChecklistFormSubmission } from "./listeners/checklist-form-submission.ts";
import { register as registerJoinDecisionButtons } from "./listeners/join-decision-buttons.ts";
import { register as registerItemBlockedButton } from "./listeners/item-blocked-button.ts";
import { register as registerItemDoingButton } from "./listeners/item-doing-button.ts";
import { register as registerItemDoneButton } from "./listeners/item-done-button.ts";
import { register as registerFilingStepButtons } from "./listeners/filing-step-buttons.ts";
import { register as registerProviderAnswerButtons } from "./listeners/provider-answer-buttons.ts";
import { register as registerItemModalSubmissions } from "./listeners/item-modal-submissions.ts";
import { register as registerShutdownCommand } from "./listeners/shutdown-command.ts";
import { register as registerUnitChecklistButton } from "./listeners/unit-checklist-button.ts";
import { ListenerRouter } from "./listener-router.ts";

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export interface SlackCredentials {
  botToken: string;
  signingSecret: string;
  appToken?: string;
}

export function createSlackApp(bot: BotContext, credentials: SlackCredentials, version: string): App {
  const socketMode = Boolean(credentials.appToken);
  const app = new App({
    token: credentials.botToken,
    signingSecret: credentials.signingSecret,
    appToken: credentials.appToken,
    socketMode,
    // NOTE: Bolt's conversation store keeps state in one process's memory, which another
    // instance would not see; no listener uses it, and it ran for every event (decision 026).
    convoStore: false,
    logLevel: LOG_LEVELS[bot.config.LOG_LEVEL],
    clientOptions: { slackApiUrl: bot.config.SLACK_API_URL },
    customRoutes: socketMode
      ? []
      : [
          {
            path: "/healthz",
            method: ["GET"],
            handler: async (_req, res) => {
              const report = bot.health
                ? await bot.health.report()
                : { status: 503, body: { ok: false, version, problems: ["starting"] } };
              res.writeHead(report.status, { "Content-Type": "application/json" });
              res.end(JSON.stringify(report.body));
            },
          },
        ],
  });
  const listeners = new ListenerRouter(app);
  for (const register of [
    registerShutdownCommand,
    registerItemDoneButton,
    registerFilingStepButtons,
    registerProviderAnswerButtons,
    registerItemDoingButton,
    registerItemBlockedButton,
    registerUnitChecklistButton,
    registerItemModalSubmissions,
    registerChecklistFormSubmission,
    registerJoinDecisionButtons,
    registerAppHomeOpened,
  ]) {
    register(listeners, bot);
  }
  listeners.mount();
  return app;
}
