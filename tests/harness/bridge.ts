// The browser-side half of the harness: gives the page the same `window.connect` the preload gives it
// in Electron, over the loopback web host. The per-run secret travels in an HttpOnly cookie.
// Channel names only, as the preload: the web host's handlers validate every request, and zod stays out of the page's head.
import { eventChannelNameList, requestChannelNameList } from '../../shared/contract/channel-names';
import { exposedApiName } from '../../shared/contract/window-api';

type Listener = (payload: unknown) => void;

const listeners = new Map<string, Set<Listener>>();
const eventNames: ReadonlySet<string> = new Set(eventChannelNameList);

function showLinkBanner(url: string): void {
  const banner = document.createElement('div');
  banner.setAttribute('role', 'status');
  banner.style.cssText = 'position:fixed;bottom:64px;left:16px;background:#fff4ce;padding:8px 12px;border:1px solid #8a8886;z-index:100000';
  const link = document.createElement('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'The app wants to open a page in your browser: open it';
  banner.append(link);
  document.body.append(banner);
}

/** Where Electron would open the system browser, the preview opens a new tab. */
function openInNewTab(url: string): void {
  const opened = window.open(url, '_blank');
  if (opened) opened.opener = null;
  else showLinkBanner(url);
}

const events = new EventSource('/__events');
events.onmessage = (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as { kind: 'event'; channel: string; payload: unknown } | { kind: 'open-url'; url: string };
  if (data.kind === 'open-url') openInNewTab(data.url);
  else listeners.get(data.channel)?.forEach((listener) => listener(data.payload));
};

async function call(channel: string, request: unknown): Promise<unknown> {
  const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request ?? {}),
  });
  return response.json();
}

function on(event: string, listener: Listener): () => void {
  if (!eventNames.has(event)) throw new Error(`Unknown event channel: ${event}`);
  const set = listeners.get(event) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(event, set);
  return () => set.delete(listener);
}

const api = Object.fromEntries(requestChannelNameList.map((channel) => [channel, (request: unknown) => call(channel, request)]));
Object.defineProperty(window, exposedApiName, { value: Object.freeze({ ...api, on }), writable: false });
