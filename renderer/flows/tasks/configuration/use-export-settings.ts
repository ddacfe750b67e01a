import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import type { ExportStage } from '../../../../shared/configuration/export-settings';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';

export type ExportState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly stage: ExportStage }
  | { readonly status: 'saved'; readonly jsonFile: string; readonly htmlFile: string }
  | { readonly status: 'failed'; readonly error: AppErrorData };

export const exportStageText: Readonly<Record<ExportStage, string>> = {
  choosing: 'Choose where to save the settings…',
  reading: 'Reading the configuration from the sync server…',
  writing: 'Writing the JSON file and the HTML report…',
};

/** Export settings: main shows the save dialog, reads the live configuration and writes both files. */
export function useExportSettings(): { state: ExportState; start: () => void } {
  const api = useDesktopApi();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef(false);

  useEffect(
    () =>
      api.on('configuration:export-progress', ({ stage }) => {
        if (running.current) setState({ status: 'running', stage });
      }),
    [api],
  );

  const start = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'running', stage: 'choosing' });
    void api['configuration:export-settings']({})
      .then((result) => {
        if (!result.ok) setState({ status: 'failed', error: result.error });
        // Cancelling the dialog is a choice, not a problem: the page simply goes back to how it was.
        else if (result.value.status === 'cancelled') setState({ status: 'idle' });
        else setState({ status: 'saved', jsonFile: result.value.jsonFile, htmlFile: result.value.htmlFile });
      })
      .catch((error: unknown) => setState({ status: 'failed', error: { code: 'INTERNAL', message: String(error) } }))
      .finally(() => {
        running.current = false;
      });
  }, [api]);

  return { state, start };
}
