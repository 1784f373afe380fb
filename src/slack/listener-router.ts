// The bot's listeners, behind one Bolt listener per kind of request: buttons by action_id, forms
// by callback_id. NOTE: Bolt runs the matchers of every listener it has for every request; with
// a listener per button and form, that was 0.09 ms of each ack on the development machine, a
// quarter of a bare ack (decision 027). Here a request finds its handler in a map.
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Handler<A> = (args: A) => Promise<void>;

/** What a listener module registers on: App's own command and event, and the routed action and view. */
export interface Listeners {
  command: App["command"];
  event: App["event"];
  /** A button (block_actions) by its action_id, exactly or by pattern. */
  action<A extends BlockAction = BlockAction>(id: string | RegExp, handler: Handler<SlackActionMiddlewareArgs<A> & AllMiddlewareArgs>): void;
  /** A form's submission (view_submission) by its callback_id. */
  view(callbackId: string, handler: Handler<ViewArgs>): void;
}

export class ListenerRouter implements Listeners {
  readonly command: App["command"];
  readonly event: App["event"];
  private readonly actions = new Map<string, Handler<ActionArgs>>();
  private readonly actionPatterns: { pattern: RegExp; handler: Handler<ActionArgs> }[] = [];
  private readonly views = new Map<string, Handler<ViewArgs>>();

  constructor(private readonly app: App) {
    this.command = app.command.bind(app);
    this.event = app.event.bind(app);
  }

  action<A extends BlockAction = BlockAction>(id: string | RegExp, handler: Handler<SlackActionMiddlewareArgs<A> & AllMiddlewareArgs>): void {
    const routed = handler as unknown as Handler<ActionArgs>;
    if (typeof id !== "string") {
      this.actionPatterns.push({ pattern: id, handler: routed });
      return;
    }
    if (this.actions.has(id)) throw new Error(`two listeners for the action ${id}`);
    this.actions.set(id, routed);
  }

  view(callbackId: string, handler: Handler<ViewArgs>): void {
    if (this.views.has(callbackId)) throw new Error(`two listeners for the view ${callbackId}`);
    this.views.set(callbackId, handler);
  }

  /** The handler of a button's action_id; undefined when none (Bolt then leaves it unacknowledged, as before). */
  actionHandler(actionId: string): Handler<ActionArgs> | undefined {
    return this.actions.get(actionId) ?? this.actionPatterns.find((p) => p.pattern.test(actionId))?.handler;
  }

  /** Adds the one Bolt listener for buttons and the one for forms; call once, after every module registered. */
  mount(): void {
    this.app.action<BlockAction>({ type: "block_actions" }, async (args) => {
      await this.actionHandler(args.action.action_id)?.(args);
    });
    this.app.view<ViewSubmitAction>({ type: "view_submission" }, async (args) => {
      await this.views.get(args.view.callback_id)?.(args);
    });
  }
}
