/** The name under which the preload exposes the contract to the renderer (`window.connect`). */
export const exposedApiName = 'connect';
