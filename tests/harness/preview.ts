// npm run preview: the wizard in your browser, on the lab, for development. Not packaged.
import path from 'node:path';
import { startHarness } from './harness';

const labFolder = path.resolve(process.env.CONNECT_LAB_FOLDER ?? '.lab');
const harness = await startHarness({ labFolder });
console.log(`The wizard is running on the lab (data in ${labFolder}).`);
console.log(`Open this URL in a browser on this computer: ${harness.url}`);
console.log('Press Ctrl+C to stop.');

const stop = (): void => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
