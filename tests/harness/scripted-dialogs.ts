import type { FileDialogs } from '../../electron/main/file-dialogs';

/**
 * The browser harness cannot show native dialogs. A test queues the answers the administrator would
 * give; with nothing queued, a save dialog accepts its default path and an open dialog is cancelled.
 */
export class ScriptedDialogs implements FileDialogs {
  private readonly answers: (string | undefined)[] = [];
  readonly asked: { kind: 'save' | 'open' | 'folder'; title: string; defaultPath?: string }[] = [];

  answerNext(path: string | undefined): void {
    this.answers.push(path);
  }

  async chooseSaveFile(options: { title: string; defaultPath: string }): Promise<string | undefined> {
    this.asked.push({ kind: 'save', title: options.title, defaultPath: options.defaultPath });
    return this.answers.length > 0 ? this.answers.shift() : options.defaultPath;
  }

  async chooseOpenFile(options: { title: string; defaultPath?: string }): Promise<string | undefined> {
    this.asked.push({ kind: 'open', title: options.title, defaultPath: options.defaultPath });
    return this.answers.shift();
  }

  async chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | undefined> {
    this.asked.push({ kind: 'folder', title: options.title, defaultPath: options.defaultPath });
    return this.answers.shift();
  }
}
