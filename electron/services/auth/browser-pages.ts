/** The pages MSAL's loopback server shows in the administrator's browser after the sign-in. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:48px;color:#323130}h1{font-size:24px;font-weight:600}</style>
</head><body><h1>${title}</h1><p>${body}</p></body></html>`;
}

export const signInSucceededPage = page(
  'Signed in',
  'You are signed in to the wizard. You can close this browser tab and return to the wizard.',
);

export const signInFailedPage = page(
  'Sign-in did not complete',
  'The sign-in was not completed. Return to the wizard: it shows what happened and what to do next.',
);
