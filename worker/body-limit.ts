/**
 * Request bodies are counted as they are read, whatever Content-Length says (a chunked body has
 * none): reading stops at the first chunk past the limit, so an oversized body is never held whole.
 */

import { APP_ERRORS, AppError, type AppErrorCode } from "./errors";

/** A procedure's body limit and the refusal past it (Meta.body in trpc.ts). */
export interface BodyRule {
  maxBytes: number;
  error: AppErrorCode;
  /** The form field the refusal is shown beside. */
  field?: string;
}

/** What a procedure may receive unless its meta says more: any form's JSON, batched. */
export const DEFAULT_BODY: BodyRule = { maxBytes: 256 * 1024, error: "PAYLOAD_TOO_LARGE" };

export class BodyBudget {
  /** Starts at the default; set to the procedure's once it is known (trpc.ts), before any byte is read. */
  rule = DEFAULT_BODY;
  read = 0;
  exceeded = false;

  get limit(): number {
    return this.rule.maxBytes;
  }

  refusal(): AppError {
    const { error, field } = this.rule;
    return new AppError(error, field ? { [field]: APP_ERRORS[error].message } : undefined);
  }

  /** True when the declared length alone is over the limit: refused without reading. */
  declaredTooLarge(req: Request): boolean {
    const declared = Number(req.headers.get("content-length") ?? 0);
    return Number.isFinite(declared) && declared > this.limit;
  }
}

/** The same request, its body read through the budget. */
export function countedRequest(req: Request, budget: BodyBudget): Request {
  if (!req.body) return req;
  const reader = req.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      budget.read += value.byteLength;
      if (budget.read > budget.limit) {
        budget.exceeded = true;
        await reader.cancel();
        controller.error(new Error("body over its limit"));
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Request(req, { body, duplex: "half" } as RequestInit);
}
