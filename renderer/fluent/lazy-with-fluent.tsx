import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/*
 * Fluent UI is a third of a megabyte of script: the frame and Welcome show without it, and everything that uses
 * it is a component made by lazyWithFluent.
 */

export const loadFluent = () => import('./FluentScope');

/**
 * A lazily loaded component that draws with Fluent UI. Its module and Fluent (with the bundled icons and the
 * theme) load side by side, not one after the other, and it renders inside Fluent's scope. Render it inside a
 * Suspense boundary.
 */
export function lazyWithFluent<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    const [{ default: FluentScope }, Component] = await Promise.all([loadFluent(), load()]);
    function InFluentScope(props: P): JSX.Element {
      return (
        <FluentScope>
          <Component {...props} />
        </FluentScope>
      );
    }
    return { default: InFluentScope };
  });
}
