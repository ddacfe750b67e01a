import { startHarness } from './harness/harness';
for (let i = 0; i < 3; i++) {
  const h0 = performance.now();
  const harness = await startHarness();
  console.log('ZZ harness', Math.round(performance.now() - h0));
  const t0 = performance.now();
  await harness.app.clients.syncServer.getScheduler();
  console.log('ZZ start+first', Math.round(performance.now() - t0));
  await harness.close();
}
