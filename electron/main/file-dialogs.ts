/** Native file dialogs; the renderer only ever sees paths the administrator picked through one. */
export interface FileDialogs {
  /** Returns the chosen path, or undefined when cancelled. */
  chooseSaveFile(options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | undefined>;
  chooseOpenFile(options: { title: string; defaultPath?: string; filters: { name: string; extensions: string[] }[] }): Promise<string | undefined>;
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | undefined>;
}
