// The warnings of a request (internal): the module gives `[result, warnings]`; the result
// carries them as a non-enumerable `requestWarnings` property (so `JSON.stringify(result)` is the
// contract's JSON alone, as on the other surfaces) and `onWarning` is called with each.

/** The result of `[result, warnings]`, with its warnings attached and announced. */
export function withWarnings(result, warnings, onWarning) {
  const list = Array.isArray(warnings) ? warnings : [];
  if (result !== null && typeof result === 'object') {
    Object.defineProperty(result, 'requestWarnings', { value: list, enumerable: false, configurable: true, writable: true });
  }
  if (onWarning) {
    for (const w of list) onWarning(w);
  }
  return result;
}
