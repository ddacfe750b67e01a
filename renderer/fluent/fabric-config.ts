// Imported first by main.tsx, so it runs before Fluent UI, which only lazily loaded chunks import: an empty font
// base URL stops Fluent from registering its web fonts on a CDN, which the CSP blocks and an offline server
// cannot reach.
window.FabricConfig = { ...window.FabricConfig, fontBaseUrl: '' };

export {};
