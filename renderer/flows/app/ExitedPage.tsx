import { Stack, Text } from '@fluentui/react';

/** Shown after Exit where the window cannot close itself (the browser preview). */
export function ExitedPage({ productName }: { productName: string }): JSX.Element {
  return (
    <Stack as="main" tokens={{ childrenGap: 8, padding: 32 }}>
      <h1 style={{ margin: 0, fontSize: 24, fontWeight: 600 }}>{productName} has closed</h1>
      <Text>The wizard is finished. You can close this window.</Text>
    </Stack>
  );
}
