import { useCallback, useState } from 'react';

/**
 * Open state of a modal or drawer plus what it shows. Closing keeps the value, so the
 * closing animation still shows the same record instead of flipping to an empty form.
 */
export function useDialog<T>() {
  const [state, setState] = useState<{ open: boolean; value?: T }>({ open: false });
  const show = useCallback((value?: T) => setState({ open: true, value }), []);
  const close = useCallback(() => setState((s) => ({ ...s, open: false })), []);

  return { open: state.open, value: state.value, show, close };
}
