import { lazy, Suspense, type ReactNode } from 'react';

/*
 * Fluent UI is a third of a megabyte of script: the frame and Welcome show without it, and everything that uses
 * it renders inside WithFluent, which loads it (with the bundled icons and the theme) first.
 */

export const loadFluent = () => import('./FluentScope');

const FluentScope = lazy(loadFluent);

/** Renders `children` once Fluent UI is loaded, `fallback` meanwhile. */
export function WithFluent({ children, fallback }: { children: ReactNode; fallback: ReactNode }): JSX.Element {
  return (
    <Suspense fallback={fallback}>
      <FluentScope>{children}</FluentScope>
    </Suspense>
  );
}
