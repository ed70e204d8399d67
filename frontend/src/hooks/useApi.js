import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs `load(signal)` whenever `deps` change and tracks its state. A newer load aborts the older one,
 * so a slow answer never overwrites a fresh one.
 */
export function useApi(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: null, loading: true }));
    loadRef
      .current(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      })
      .catch((error) => {
        if (!controller.signal.aborted) setState({ data: undefined, error, loading: false });
      });
    return () => controller.abort();
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
