// views.open, views.push, views.update, views.publish.
import { checkView } from "./block-kit-limits.ts";
import { fail, invalidArguments, present, type ApiArgs, type ApiReply, type MethodHandler } from "./method-context.ts";
import { randomToken, slackId } from "./slack-ids.ts";
import { withGeneratedIds } from "./stored-blocks.ts";
import type { StoredView } from "./types.ts";
import type { WorkspaceState } from "./workspace-state.ts";

/** Slack lets a modal stack hold three views. */
const MAX_STACK = 3;

type ViewInput = Record<string, unknown>;

type ReadView = { view: ViewInput; reply?: undefined } | { reply: ApiReply };

function readView(args: ApiArgs, expected: "modal" | "home" | undefined): ReadView {
  const view = args.view;
  if (view === undefined || view === "") return { reply: invalidArguments(["missing required field: view"]) };
  if (typeof view === "string") return { reply: invalidArguments(["failed to parse view as JSON [json-pointer:/view]"]) };
  const problems = checkView(view, expected);
  if (problems.length > 0) return { reply: invalidArguments(problems) };
  return { view: view as ViewInput };
}

function newHash(state: WorkspaceState): string {
  return `${Math.floor(state.now().getTime() / 1000)}.${randomToken(8)}`;
}

function viewJson(
  input: ViewInput,
  meta: { id: string; hash: string; root: string | null; previous: string | null },
  state: WorkspaceState,
): Record<string, unknown> {
  const id = state.identity;
  const out: Record<string, unknown> = {
    id: meta.id,
    team_id: id.teamId,
    type: input.type,
    blocks: withGeneratedIds(Array.isArray(input.blocks) ? input.blocks : []),
    private_metadata: input.private_metadata ?? "",
    callback_id: input.callback_id ?? "",
    state: { values: {} },
    hash: meta.hash,
    clear_on_close: input.clear_on_close === true,
    notify_on_close: input.notify_on_close === true,
    close: input.close ?? null,
    submit: input.submit ?? null,
    previous_view_id: meta.previous,
    root_view_id: meta.root,
    app_id: id.appId,
    external_id: input.external_id ?? "",
    app_installed_team_id: id.teamId,
    bot_id: id.botId,
  };
  if (input.title !== undefined) out.title = input.title;
  return out;
}

function externalIdTaken(state: WorkspaceState, externalId: unknown, except?: string): boolean {
  if (typeof externalId !== "string" || externalId === "") return false;
  for (const v of state.views.values()) if (v.external_id === externalId && v.id !== except) return true;
  return false;
}

function store(state: WorkspaceState, v: StoredView): ApiReply {
  state.views.set(v.id, v);
  return { status: 200, body: { ok: true, view: v.view } };
}

/** The trigger_id that lets this call open a view, or Slack's refusal (see trigger-ids.ts). */
function takeTrigger(args: ApiArgs, state: WorkspaceState): string | ApiReply {
  const trigger = present(args.trigger_id) ?? present(args.interactivity_pointer);
  if (trigger === undefined) return invalidArguments(["missing required field: trigger_id"]);
  const refusal = state.triggers.check(trigger);
  return refusal === undefined ? trigger : fail(refusal);
}

function createModal(args: ApiArgs, state: WorkspaceState, via: "views.open" | "views.push"): ApiReply {
  const trigger = takeTrigger(args, state);
  if (typeof trigger !== "string") return trigger;
  const read = readView(args, "modal");
  if (read.reply) return read.reply;
  const input = read.view;
  if (externalIdTaken(state, input.external_id)) return fail("duplicate_external_id");

  let root: string | null = null;
  let previous: string | null = null;
  if (via === "views.push") {
    const top = [...state.views.values()].filter((v) => v.type === "modal").at(-1);
    if (top) {
      let depth = 1;
      for (let p = top.previous_view_id; p; p = state.views.get(p)?.previous_view_id ?? null) depth++;
      if (depth >= MAX_STACK) return fail("push_limit_reached");
      previous = top.id;
      root = top.root_view_id ?? top.id;
    }
  }
  state.triggers.exchange(trigger);
  const id = slackId("V");
  const hash = newHash(state);
  root ??= id;
  return store(state, {
    id,
    type: "modal",
    view: viewJson(input, { id, hash, root, previous }, state),
    hash,
    trigger_id: trigger,
    ...(typeof input.external_id === "string" && input.external_id !== "" && { external_id: input.external_id }),
    root_view_id: root,
    previous_view_id: previous,
    via,
  });
}

const openView: MethodHandler = (args, { state }) => createModal(args, state, "views.open");
const pushView: MethodHandler = (args, { state }) => createModal(args, state, "views.push");

const updateView: MethodHandler = (args, { state }) => {
  const viewId = present(args.view_id);
  const externalId = present(args.external_id);
  if (viewId === undefined && externalId === undefined) return invalidArguments(["missing required field: view_id"]);
  const existing =
    viewId !== undefined
      ? state.views.get(viewId)
      : [...state.views.values()].find((v) => v.external_id === externalId);
  if (!existing) return fail("not_found");
  const hash = present(args.hash);
  if (hash !== undefined && hash !== existing.hash) return fail("hash_conflict");
  const read = readView(args, existing.type);
  if (read.reply) return read.reply;
  const input = read.view;
  if (externalIdTaken(state, input.external_id, existing.id)) return fail("duplicate_external_id");
  const newHashValue = newHash(state);
  const ext = typeof input.external_id === "string" && input.external_id !== "" ? input.external_id : existing.external_id;
  return store(state, {
    ...existing,
    view: viewJson(
      { ...input, ...(ext !== undefined && { external_id: ext }) },
      { id: existing.id, hash: newHashValue, root: existing.root_view_id, previous: existing.previous_view_id },
      state,
    ),
    hash: newHashValue,
    ...(ext !== undefined && { external_id: ext }),
    via: "views.update",
  });
};

const publishView: MethodHandler = (args, { state }) => {
  const userId = present(args.user_id);
  if (userId === undefined || !state.users.has(userId)) return fail("user_not_found");
  const read = readView(args, "home");
  if (read.reply) return read.reply;
  const input = read.view;
  const existing = [...state.views.values()].find((v) => v.type === "home" && v.user_id === userId);
  const hash = present(args.hash);
  if (existing && hash !== undefined && hash !== existing.hash) return fail("hash_conflict");
  // A user's home tab keeps its view id across publishes.
  const id = existing?.id ?? slackId("V");
  const newHashValue = newHash(state);
  return store(state, {
    id,
    type: "home",
    view: viewJson(input, { id, hash: newHashValue, root: null, previous: null }, state),
    hash: newHashValue,
    user_id: userId,
    root_view_id: null,
    previous_view_id: null,
    via: "views.publish",
  });
};

export const viewMethods: Record<string, MethodHandler> = {
  "views.open": openView,
  "views.push": pushView,
  "views.update": updateView,
  "views.publish": publishView,
};
