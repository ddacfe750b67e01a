// Must be imported before any Fluent UI module: an empty font base URL stops Fluent from
// registering its web fonts on a CDN, which the CSP blocks and an offline server cannot reach.
const fabricWindow = window as Window & { FabricConfig?: { fontBaseUrl?: string } };
fabricWindow.FabricConfig = { ...fabricWindow.FabricConfig, fontBaseUrl: '' };
export {};
