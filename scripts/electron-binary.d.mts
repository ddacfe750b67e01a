export function electronBinaryPath(): string | undefined;
export function downloadElectronBinary(): boolean;
export const missingBinaryExplanation: string;
