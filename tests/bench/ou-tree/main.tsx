import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { useLayoutEffect, useState } from 'react';
import { applyFilter } from '../../../renderer/components/ou-tree/filter';
import { useOuTreeModel } from '../../../renderer/components/ou-tree/use-ou-tree-model';
import { OuTree } from '../../../renderer/components/ou-tree/OuTree';
import { registerBundledIcons } from '../../../renderer/fluent/icons';
import { bulkOuDn, generateForest } from './generate';

/*
 * Bench page: the real OU tree with 50,000 generated OUs. The runner calls window.ouBench.* from
 * Playwright; each returns milliseconds from the user's action until the DOM shows the result.
 */

registerBundledIcons();
// Through JSON, as the OUs reach the renderer over IPC: flat strings, not the ropes template literals make.
const forest = JSON.parse(JSON.stringify(generateForest())) as ReturnType<typeof generateForest>;
// '#in-two-steps' (tests): the first domain's OUs first and the others on `readTheRest`, as the filtering page reads
// a forest domain by domain.
const firstDomain = {
  roots: forest.roots.slice(0, 1),
  ous: forest.ous.filter((ou) => !forest.roots.slice(1).some((root) => ou.dn.endsWith(`,${root.dn}`))),
};
let readTheRest = (): void => undefined;

function BenchTree({ onRendered }: { onRendered: () => void }): JSX.Element {
  const [input, setInput] = useState(location.hash === '#in-two-steps' ? firstDomain : forest);
  readTheRest = () => setInput(forest);
  const state = useOuTreeModel(input, (model) => {
    for (const root of model.roots) applyFilter(model, root, { dn: model.dns[root] as string, selected: true, containerInclusions: [model.dns[root] as string], containerExclusions: [] });
  }) as NonNullable<ReturnType<typeof useOuTreeModel>>;
  const [version, setVersion] = useState(0);
  useLayoutEffect(onRendered, [onRendered]);
  return (
    <OuTree
      model={state}
      version={version}
      label="Domains and OUs"
      onToggle={(node) => {
        state.toggle(node);
        setVersion((value) => value + 1);
      }}
    />
  );
}

const layout = (): number => document.body.offsetHeight;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => requestAnimationFrame(resolve));
}

declare global {
  interface Window {
    ouBench: {
      firstRender(): Promise<number>;
      indexed(): Promise<number>;
      expand(): Promise<number>;
      collapse(): Promise<void>;
      filter(text: string): Promise<number>;
      readTheRest(): void;
    };
  }
}

let renderStarted = 0;

window.ouBench = {
  async firstRender() {
    const container = document.getElementById('root') as HTMLElement;
    const started = performance.now();
    renderStarted = started;
    await new Promise<void>((resolve) => {
      flushSync(() => createRoot(container).render(<BenchTree onRendered={resolve} />));
    });
    layout();
    return performance.now() - started;
  },
  /** From the start of the first render until the whole index is in (expanding and filtering need it). */
  async indexed() {
    await until(() => document.querySelector('[data-complete=true]') !== null);
    return performance.now() - renderStarted;
  },
  async expand() {
    const expander = document.querySelector(`[data-dn="${bulkOuDn}"] [data-expander]`) as HTMLElement;
    const before = document.querySelector(`[data-dn="${bulkOuDn}"]`)?.getAttribute('aria-expanded');
    if (before !== 'false') throw new Error('The Bulk OU is not collapsed.');
    const started = performance.now();
    expander.click();
    await until(() => document.querySelector(`[data-dn="${bulkOuDn}"]`)?.getAttribute('aria-expanded') === 'true');
    layout();
    return performance.now() - started;
  },
  async collapse() {
    (document.querySelector(`[data-dn="${bulkOuDn}"] [data-expander]`) as HTMLElement).click();
    await until(() => document.querySelector(`[data-dn="${bulkOuDn}"]`)?.getAttribute('aria-expanded') === 'false');
  },
  readTheRest() {
    readTheRest();
  },
  async filter(text: string) {
    const input = document.querySelector('input') as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const started = performance.now();
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => document.querySelector('[data-filter]')?.getAttribute('data-filter') === text);
    layout();
    return performance.now() - started;
  },
};
