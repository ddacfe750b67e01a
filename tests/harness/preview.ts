// npm run preview [-- --lab-profile contoso|contoso-current]: the wizard in your browser, on the lab, for
// development. Not packaged. A lab folder keeps the profile it was first seeded with.
import path from 'node:path';
import { startHarness } from './harness';

const profileIndex = process.argv.indexOf('--lab-profile');
const labProfile = profileIndex >= 0 ? process.argv[profileIndex + 1] : undefined;
const labFolder = path.resolve(process.env.CONNECT_LAB_FOLDER ?? '.lab');
const harness = await startHarness({ labFolder, ...(labProfile ? { labProfile } : {}) });
console.log(`The wizard is running on the lab (data in ${labFolder}${labProfile ? `, profile ${labProfile} for a new folder` : ''}).`);
console.log(`Open this URL in a browser on this computer: ${harness.url}`);
console.log('Press Ctrl+C to stop.');

const stop = (): void => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
