/**
 * Admin-protocol actions by name (`database.getDocument`, `functions.invokeFunction`, `wx.openApi`...).
 * Each part of the local cloud registers its own; the HTTP server only routes.
 */
export interface ActionContext {
  requestId: string;
  /** Raw request headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** Remote address of the caller. */
  remoteAddress: string | undefined;
}

/** Top-level reply fields; `data` carries the action's payload. Never a truthy `code` on success. */
export type ActionReply = Record<string, unknown>;

/** A raw reply (non-JSON body), e.g. the protobuf reply of `wx.openApi`. */
export interface RawReply {
  raw: { contentType: string; body: Buffer };
}

export type ActionHandler = (
  body: Record<string, unknown>,
  ctx: ActionContext,
) => ActionReply | RawReply | Promise<ActionReply | RawReply>;

export class ActionRegistry {
  private readonly handlers = new Map<string, ActionHandler>();

  register(name: string, handler: ActionHandler): void {
    if (this.handlers.has(name)) throw new Error(`action ${name} registered twice`);
    this.handlers.set(name, handler);
  }

  get(name: string): ActionHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
