// The request handler of the package's workers (internal): a message `{id, fn, input,
// opts}` runs one of the request functions on the worker's thread and answers `{id,
// result, warnings}` or `{id, error: {name, message, line, column}}`. The transports are in
// `worker.js` (browsers) and `node-worker.js` (Node's worker_threads).

/** The functions a worker runs: those that take a table's bytes and give plain data. */
export const WORKER_CALLS = ['report', 'score', 'list'];

/** Answers one message with `api`'s function; `post` sends the answer back. */
export function serve(api, msg, post) {
  const { id, fn, input, opts } = msg ?? {};
  try {
    if (!WORKER_CALLS.includes(fn)) {
      throw new api.ArgumentError(`worker: unknown call '${fn}' (the calls are: ${WORKER_CALLS.join(', ')})`);
    }
    const result = api[fn](input, opts);
    // the non-enumerable warnings do not survive the structured clone: they go apart
    post({ id, result, warnings: result?.requestWarnings });
  } catch (e) {
    const error = e instanceof Error
      ? { name: e.name, message: e.message, line: e.line, column: e.column }
      : { name: 'PanicError', message: String(e) };
    post({ id, error });
  }
}
