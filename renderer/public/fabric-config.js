// A classic script, so it runs before every module, Fluent UI's included (bundled into main's chunks it ran
// after the shared chunks had loaded Fluent): an empty font base URL stops Fluent from registering its web fonts
// on a CDN, which the CSP blocks and an offline server cannot reach.
window.FabricConfig = Object.assign({}, window.FabricConfig, { fontBaseUrl: '' });
