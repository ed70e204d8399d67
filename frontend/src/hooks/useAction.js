import { useCallback, useState } from 'react';

/**
 * Runs API calls for a form or a list and keeps the last failure to show: field errors by field, anything
 * else as one message. `run(call, after)` calls `after(result)` only when the call succeeded.
 */
export function useAction() {
  const [failure, setFailure] = useState(null);
  const run = useCallback(async (call, after) => {
    try {
      const result = await call();
      setFailure(null);
      after?.(result);
      return result;
    } catch (error) {
      setFailure(error);
      return undefined;
    }
  }, []);
  const fields = failure?.fieldErrors?.() ?? {};
  const general = failure && Object.keys(fields).length === 0 ? (failure.userMessage?.() ?? String(failure)) : null;
  return { run, failure, fields, general };
}

/** The named values of a submitted form. */
export function formValues(event) {
  return Object.fromEntries(new FormData(event.currentTarget).entries());
}
