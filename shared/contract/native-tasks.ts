import { z } from 'zod';
import { deviceOptionsStateSchema, federationStateSchema, privacyStateSchema, refreshSchemaStateSchema, userSignInStateSchema } from '../native-tasks/state';
import { requestSpec } from './define';

const none = z.object({}).strict();

/** The read-only native tasks: each task's current state (the change itself is handed off to the native wizard). */
export const nativeTasksChannels = {
  'native-tasks:privacy': requestSpec(none, privacyStateSchema),
  'native-tasks:device-options': requestSpec(none, deviceOptionsStateSchema),
  'native-tasks:refresh-schema': requestSpec(none, refreshSchemaStateSchema),
  'native-tasks:user-sign-in': requestSpec(none, userSignInStateSchema),
  'native-tasks:federation': requestSpec(none, federationStateSchema),
} as const satisfies Record<string, ReturnType<typeof requestSpec>>;
