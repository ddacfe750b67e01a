import { useEffect, useMemo, useRef, useState } from 'react';
import { buildOuTreeModel, OuTreeModel, type OuInput } from './model';

export interface OuTreeInput {
  readonly roots: readonly OuInput[];
  readonly ous: readonly OuInput[];
  /** More OUs are still being read: the first window only; the whole index waits for the complete input. */
  readonly partial?: boolean;
}

/** Below this many OUs the whole index is built at once (a few milliseconds): no first window to swap. */
const buildAtOnceBelow = 5_000;

/**
 * The tree's model for a flat list of OUs. A big forest gives the first window (domains and their first
 * level) at once and the whole index a moment later, built in slices so the page stays responsive.
 * `prepare` sets the check marks of each model before it is shown (the latest one passed is used).
 */
export function useOuTreeModel(input: OuTreeInput | null, prepare: (model: OuTreeModel) => void): OuTreeModel | null {
  const latestPrepare = useRef(prepare);
  useEffect(() => {
    latestPrepare.current = prepare;
  });
  const first = useMemo(() => {
    if (!input) return null;
    // A partial input is shown as a first window too, whatever its size: what the user expands on it then waits,
    // by DN, for the whole index and is carried over (a complete index of part of the forest would be replaced by a
    // first window and lose it).
    const model =
      input.ous.length < buildAtOnceBelow && !input.partial ? new OuTreeModel(input.roots, input.ous) : OuTreeModel.firstLevel(input.roots, input.ous);
    prepare(model);
    return model;
    // The check marks are set once per model, from the lists of the moment it is made.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input]);
  const [whole, setWhole] = useState<{ input: OuTreeInput; model: OuTreeModel } | null>(null);
  useEffect(() => {
    if (!input || !first || first.complete || input.partial) return;
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
