import { useEffect, useMemo, useRef, useState } from 'react';
import { buildOuTreeModel, OuTreeModel, type OuInput } from './model';

export interface OuTreeInput {
  readonly roots: readonly OuInput[];
  readonly ous: readonly OuInput[];
}

/** Below this many OUs the whole index is built at once (a few milliseconds): no first window to swap. */
const buildAtOnceBelow = 5_000;

/**
 * The tree's model for a flat list of OUs. A big forest gives the first window (domains and their first
 * level) at once and the whole index a moment later, built in slices so the page stays responsive. A new input
 * (more domains read) starts again from its own first window; OuTree carries what the user opened over by DN.
 * `prepare` sets the check marks of each model before it is shown (the latest one passed is used).
 */
export function useOuTreeModel(input: OuTreeInput | null, prepare: (model: OuTreeModel) => void): OuTreeModel | null {
  const latestPrepare = useRef(prepare);
  useEffect(() => {
    latestPrepare.current = prepare;
  });
  const first = useMemo(() => {
    if (!input) return null;
    const model = input.ous.length < buildAtOnceBelow ? new OuTreeModel(input.roots, input.ous) : OuTreeModel.firstLevel(input.roots, input.ous);
    prepare(model);
    return model;
    // The check marks are set once per model, from the lists of the moment it is made.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input]);
  const [whole, setWhole] = useState<{ input: OuTreeInput; model: OuTreeModel } | null>(null);
  useEffect(() => {
    if (!input || !first || first.complete) return;
    const controller = new AbortController();
    buildOuTreeModel(input.roots, input.ous, { signal: controller.signal }).then(
      (model) => {
        latestPrepare.current(model);
        setWhole({ input, model });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) throw error;
      },
    );
    return () => controller.abort();
  }, [input, first]);
  return whole?.input === input ? whole.model : first;
}
