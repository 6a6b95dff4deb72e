// `MotcuaWorker`: the request functions (`report`, `score`, `list`) run in a worker, so that
// reading a big table does not block the page (or Node's event loop). Results are the
// same objects as the functions give on the calling thread; errors are rebuilt as the
// package's error classes.
import { errors, MotcuaError } from './errors.js';
import { withWarnings } from './warnings.js';

/** A worker running motcua: a browser `Worker` started on `worker.js`, or (Node) a
 * `worker_threads.Worker` started on `node-worker.js` — `spawnWorker()` starts one. */
export class MotcuaWorker {
  #worker;
  #pending = new Map();
  #next = 1;
  #wasm;

  /** `worker`: the Worker; `wasm` (browsers): where its module is, if not next to `worker.js`. */
  constructor(worker, { wasm } = {}) {
    this.#worker = worker;
    this.#wasm = wasm;
    // a browser worker gives a MessageEvent, Node's worker_threads the message itself
    const onMessage = (m) => this.#answer(typeof MessageEvent !== 'undefined' && m instanceof MessageEvent ? m.data : m);
    const onError = (e) => this.#failAll(e);
    if (typeof worker.on === 'function') {
      worker.on('message', onMessage);
      worker.on('error', onError);
    } else {
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
    }
  }

  /** The period report, as `report(input, opts)` gives it (input: the table's text or bytes). */
  report(input, opts) {
    return this.#call('report', input, opts);
  }

  /** The grades, as `score(input, opts)` gives them. */
  score(input, opts) {
    return this.#call('score', input, opts);
  }

  /** The dossiers behind one count, as `list(input, opts)` gives them. */
  list(input, opts) {
    return this.#call('list', input, opts);
  }

  /** Stops the worker; pending calls fail. */
  terminate() {
    this.#failAll(new MotcuaError('the worker was terminated'));
    return this.#worker.terminate();
  }

  #call(fn, input, opts) {
    const id = this.#next++;
    // a function cannot be sent to a worker: `onWarning` is called here, on the answer
    let onWarning;
    if (opts !== null && typeof opts === 'object' && 'onWarning' in opts) {
      ({ onWarning, ...opts } = opts);
      if (onWarning !== undefined && onWarning !== null && typeof onWarning !== 'function') {
        return Promise.reject(new errors.ArgumentError(`${fn}: onWarning must be a function`));
      }
    }
    const msg = { id, fn, input, opts };
    if (this.#wasm !== undefined && id === 1) msg.wasm = this.#wasm;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onWarning: onWarning ?? undefined });
      this.#worker.postMessage(msg);
    });
  }

  #answer(m) {
    const p = this.#pending.get(m?.id);
    if (!p) return;
    this.#pending.delete(m.id);
    if (m.error) {
      const C = errors[m.error.name] ?? MotcuaError;
      const fields = {};
      if (m.error.line !== undefined) fields.line = m.error.line;
      if (m.error.column !== undefined) fields.column = m.error.column;
      p.reject(new C(m.error.message, fields));
    } else {
      p.resolve(m.warnings === undefined ? m.result : withWarnings(m.result, m.warnings, p.onWarning));
    }
  }

  #failAll(e) {
    const err = e instanceof Error ? e : new MotcuaError(String(e?.message ?? e));
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }
}
