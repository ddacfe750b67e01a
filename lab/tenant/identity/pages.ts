import { LAB_TENANT_DISPLAY_NAME } from '../constants';

/** HTML of the lab sign-in pages. Every value is escaped; pages carry no inline script or style. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function layout(title: string, body: string, script = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/static/lab-tenant.css">
${script ? '<script src="/static/form-post.js" defer></script>' : ''}
</head>
<body>
<main class="card">
<p class="brand">${escapeHtml(LAB_TENANT_DISPLAY_NAME)} <span class="lab">lab tenant</span></p>
${body}
</main>
</body>
</html>`;
}

function errorBlock(message: string | undefined, detail: string | undefined): string {
  if (message === undefined) return '';
  const detailHtml = detail === undefined ? '' : `<p class="detail">${escapeHtml(detail)}</p>`;
  return `<div class="error" role="alert"><p>${escapeHtml(message)}</p>${detailHtml}</div>`;
}

export interface SignInPageModel {
  action: string;
  flowId: string;
  applicationName: string;
  userName: string;
  message?: string;
  detail?: string;
}

export function signInPage(model: SignInPageModel): string {
  return layout(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p>to continue to ${escapeHtml(model.applicationName)}</p>
${errorBlock(model.message, model.detail)}
<form method="post" action="${escapeHtml(model.action)}">
<input type="hidden" name="flow" value="${escapeHtml(model.flowId)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" value="${escapeHtml(model.userName)}" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="buttons">
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Cancel</button>
<button type="submit" name="action" value="signin" class="primary">Sign in</button>
</div>
</form>`,
  );
}

export interface MfaPageModel {
  action: string;
  flowId: string;
  userName: string;
  message?: string;
  detail?: string;
}

export function mfaPage(model: MfaPageModel): string {
  return layout(
    'Enter code',
    `<h1>Enter code</h1>
<p>${escapeHtml(model.userName)}</p>
<p>Enter the code displayed in the authenticator app on your mobile device.</p>
${errorBlock(model.message, model.detail)}
<form method="post" action="${escapeHtml(model.action)}">
<input type="hidden" name="flow" value="${escapeHtml(model.flowId)}">
<label for="code">Code</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
<div class="buttons">
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Cancel</button>
<button type="submit" name="action" value="verify" class="primary">Verify</button>
</div>
</form>`,
  );
}

export interface FormPostPageModel {
  redirectUri: string;
  fields: Record<string, string>;
  title: string;
  message: string;
  detail?: string;
  /** Submits by itself (script served from the lab host); without JS the user presses Continue. */
  autoSubmit: boolean;
}

/** Entra's `response_mode=form_post` answer: a form that posts the result to the redirect URI. */
export function formPostPage(model: FormPostPageModel): string {
  const inputs = Object.entries(model.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const messageHtml =
    model.detail === undefined ? `<p>${escapeHtml(model.message)}</p>` : errorBlock(model.message, model.detail);
  return layout(
    model.title,
    `<h1>${escapeHtml(model.title)}</h1>
${messageHtml}
<form method="post" action="${escapeHtml(model.redirectUri)}"${model.autoSubmit ? ' data-auto-submit="true"' : ''}>
${inputs}
<div class="buttons"><button type="submit" class="primary">Continue</button></div>
</form>`,
    model.autoSubmit,
  );
}

export function errorPage(message: string, detail: string): string {
  return layout('Sign in', `<h1>Sorry, but we're having trouble signing you in.</h1>${errorBlock(message, detail)}`);
}

export interface DeviceCodePageModel {
  action: string;
  message?: string;
}

export function deviceCodePage(model: DeviceCodePageModel): string {
  return layout(
    'Enter code',
    `<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
${errorBlock(model.message, undefined)}
<form method="post" action="${escapeHtml(model.action)}">
<label for="code">Code</label>
<input id="code" name="code" type="text" autocomplete="off" required>
<div class="buttons"><button type="submit" class="primary">Next</button></div>
</form>`,
  );
}

export function messagePage(title: string, message: string, detail?: string): string {
  const body = detail === undefined ? `<p>${escapeHtml(message)}</p>` : errorBlock(message, detail);
  return layout(title, `<h1>${escapeHtml(title)}</h1>${body}`);
}

export const staticFiles: Readonly<Record<string, { contentType: string; body: string }>> = {
  '/static/form-post.js': {
    contentType: 'text/javascript; charset=utf-8',
    body: "document.querySelectorAll('form[data-auto-submit]').forEach(function (form) { form.submit(); });\n",
  },
  '/static/lab-tenant.css': {
    contentType: 'text/css; charset=utf-8',
    body: `body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;display:flex;justify-content:center}
.card{background:#fff;max-width:440px;width:100%;margin:48px 16px;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{font-weight:600;color:#1b1b1b}.lab{font-weight:400;color:#605e5c}
h1{font-size:24px;font-weight:600;margin:16px 0 8px}
label{display:block;margin-top:16px}input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:6px 0;border:0;border-bottom:1px solid #666;font-size:15px}
.buttons{display:flex;gap:8px;justify-content:flex-end;margin-top:24px}
button{min-width:108px;padding:6px 12px;font-size:15px;border:0;cursor:pointer}
.primary{background:#0067b8;color:#fff}.secondary{background:#ccc;color:#000}
.error{color:#e81123}.detail{color:#605e5c;font-size:12px;word-break:break-word}
`,
  },
};
