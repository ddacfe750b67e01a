/** The edited copy of the staging setting, until Configure applies it. */
export interface StagingDraft {
  readonly current: boolean;
  readonly enabled: boolean;
}

/** The edited copy of the synchronization options, until Configure applies it. */
export interface CustomizeDraft {
  readonly loaded: boolean;
}
