/**
 * GitHub's two kinds of rate limit, per identity: the primary hourly budget reported in `x-ratelimit-*`
 * headers on every response, and the undisclosed secondary limit on content-creating requests
 * (80/minute and 500/hour as documented), answered with 403 and `retry-after`.
 */
import type { SecondaryLimits } from "./types.js";

interface PrimaryWindow {
  used: number;
  /** UTC epoch seconds, as `x-ratelimit-reset` reports it. */
  reset: number;
}

/** Headers to send, and whether the budget was already spent. */
export interface PrimaryResult {
  headers: Record<string, string>;
  exceeded: boolean;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The hourly request budget per identity, reported in `x-ratelimit-*` on every response. */
export class PrimaryLimiter {
  private readonly windows = new Map<string, PrimaryWindow>();

  constructor(private readonly limitFor: (login: string) => number) {}

  /** Counts one request against the identity's hour and returns the headers to send with it. */
  consume(login: string, now = Date.now()): PrimaryResult {
    const window = this.window(login, now);
    const limit = this.limitFor(login);
    const exceeded = window.used >= limit;
    if (!exceeded) window.used++;
    return { headers: this.headers(limit, window), exceeded };
  }

  /** Headers without counting, for responses that do not spend the budget (e.g. 401). */
  peek(login: string, limit: number, now = Date.now()): Record<string, string> {
    return this.headers(limit, this.window(login, now));
  }

  private window(login: string, now: number): PrimaryWindow {
    let window = this.windows.get(login);
    if (!window || now >= window.reset * 1000) {
      window = { used: 0, reset: Math.floor((now + HOUR_MS) / 1000) };
      this.windows.set(login, window);
    }
    return window;
  }

  private headers(limit: number, window: PrimaryWindow): Record<string, string> {
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - window.used)),
      "x-ratelimit-used": String(window.used),
      "x-ratelimit-reset": String(window.reset),
      "x-ratelimit-resource": "core",
    };
  }
}

/** Sliding-window count of accepted content-creating requests per identity. */
export class SecondaryLimiter {
  private readonly history = new Map<string, number[]>();
  private readonly minuteMs: number;
  private readonly hourMs: number;

  constructor(private readonly limits: SecondaryLimits) {
    const scale = limits.timeScale ?? 1;
    this.minuteMs = MINUTE_MS / scale;
    this.hourMs = HOUR_MS / scale;
  }

  /**
   * Returns undefined when the request may proceed (and records it), or the seconds to put in
   * `retry-after`: until enough old requests leave every exceeded window, at least 1.
   */
  admit(login: string, now = Date.now()): number | undefined {
    const times = (this.history.get(login) ?? []).filter((t) => t > now - this.hourMs);
    this.history.set(login, times);
    let freeAt = 0;
    for (const [windowMs, limit] of [
      [this.minuteMs, this.limits.perMinute],
      [this.hourMs, this.limits.perHour],
    ] as const) {
      const inWindow = times.filter((t) => t > now - windowMs);
      if (inWindow.length < limit) continue;
      // The request becomes admissible once the (count - limit + 1) oldest requests have left the window.
      const expiring = inWindow[inWindow.length - limit] ?? now;
      freeAt = Math.max(freeAt, expiring + windowMs);
    }
    if (freeAt === 0) {
      times.push(now);
      return undefined;
    }
    return Math.max(1, Math.ceil((freeAt - now) / 1000));
  }
}
