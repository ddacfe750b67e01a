/** Shown after Exit where the window cannot close itself (the browser preview). */
export function ExitedPage({ productName }: { productName: string }): JSX.Element {
  return (
    <main className="frame-page" style={{ padding: 32, gap: 8 }}>
      <h1 className="wizard-title" style={{ margin: 0 }}>
        {productName} has closed
      </h1>
      <p>The wizard is finished. You can close this window.</p>
    </main>
  );
}
