// Reporting and waiting helpers: one JSON line per check, conditions polled with a deadline.

export class Report {
  #results = [];

  /** Records a check and prints it as one JSON line. */
  check(name, ok, detail = {}) {
    const line = { check: name, ok: !!ok, ...detail };
    this.#results.push(line);
    console.log(JSON.stringify(line));
    return !!ok;
  }

  /** Prints something worth knowing that is not a pass/fail check. */
  info(name, detail = {}) {
    console.log(JSON.stringify({ info: name, ...detail }));
  }

  get ok() {
    return this.#results.length > 0 && this.#results.every((r) => r.ok);
  }

  /** Prints the final line and returns the process exit code. */
  finish(extra = {}) {
    const failed = this.#results.filter((r) => !r.ok).map((r) => r.check);
    const line = { ok: this.ok, passed: this.#results.length - failed.length, failed: failed.length, failures: failed, ...extra };
    console.log(JSON.stringify(line));
    return this.ok ? 0 : 1;
  }
}

/**
 * Polls `probe` until `done(value)` is true or `timeoutMs` passes.
 * Returns {ok, value, ms}: the last value seen, whether the condition held, and how long it took.
 */
export async function waitFor(probe, done, timeoutMs, intervalMs = 250) {
  const start = Date.now();
  let value;
  for (;;) {
    try {
      value = await probe();
    } catch (e) {
      value = { error: e.message };
    }
    if (done(value)) return { ok: true, value, ms: Date.now() - start };
    if (Date.now() - start >= timeoutMs) return { ok: false, value, ms: Date.now() - start };
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
