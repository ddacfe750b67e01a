/** The app's log sink. Messages carry an `[area]` prefix; the file logger redacts every line it writes. */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  /** The log file, for messages that send the administrator there; absent for the console. */
  readonly file?: string;
}

export const consoleLogger: Logger = {
  info: (message, ...details) => console.log(message, ...details),
  warn: (message, ...details) => console.warn(message, ...details),
  error: (message, ...details) => console.error(message, ...details),
};

/** "The details are in the log: <file>." or, without a file, "The details are in the log." */
export function seeTheLog(logger: Pick<Logger, 'file'>): string {
  return logger.file ? `The details are in the log: ${logger.file}` : 'The details are in the log.';
}
