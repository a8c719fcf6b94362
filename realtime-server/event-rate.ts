/**
 * A token bucket per socket for every client event (join, leave, auth refresh).
 *
 * Why: 4,000 join/leave events from one socket reached another member as 4,000 presence updates in
 * 3 s. An honest page sends a join, a leave and a refresh a minute; the bucket allows a burst and a
 * steady rate far above that. Over budget, the event is dropped and its ack says `rate_limited`; a
 * socket that keeps going after `disconnectAfter` refusals in a row is cut. Proven by
 * tests/realtime/limits.test.ts.
 */
export interface EventRateOptions {
  burst: number;
  perSecond: number;
  /** Consecutive refused events before the socket is disconnected. */
  disconnectAfter: number;
}

export const DEFAULT_EVENT_RATE: EventRateOptions = { burst: 20, perSecond: 5, disconnectAfter: 100 };

export class EventBucket {
  private tokens: number;
  private last = Date.now();
  private refusedInARow = 0;

  constructor(private readonly options: EventRateOptions) {
    this.tokens = options.burst;
  }

  /** 'ok' to handle the event, 'drop' to refuse it, 'cut' to disconnect the socket. */
  take(): 'ok' | 'drop' | 'cut' {
    const now = Date.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusedInARow = 0;
      return 'ok';
    }
    this.refusedInARow += 1;
    return this.refusedInARow >= this.options.disconnectAfter ? 'cut' : 'drop';
  }
}
