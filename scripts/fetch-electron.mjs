// postinstall: fetch the Electron binary where the network allows it, without ever failing the install.
import { downloadElectronBinary, electronBinaryPath, missingBinaryExplanation } from './electron-binary.mjs';

if (electronBinaryPath()) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Skipping the Electron binary download (ELECTRON_SKIP_BINARY_DOWNLOAD is set).');
} else if (!downloadElectronBinary()) {
  console.warn(missingBinaryExplanation);
}
