import type { nativeTasksChannels } from '../../../shared/contract/native-tasks';
import type { NativeTasksService } from '../../services/native-tasks/native-tasks-service';
import type { AreaHandlers } from '../register';

export function createNativeTasksHandlers(nativeTasks: NativeTasksService): AreaHandlers<typeof nativeTasksChannels> {
  return {
    'native-tasks:privacy': () => nativeTasks.privacy(),
    'native-tasks:device-options': () => nativeTasks.deviceOptions(),
    'native-tasks:refresh-schema': () => nativeTasks.refreshSchema(),
    'native-tasks:user-sign-in': () => nativeTasks.userSignIn(),
    'native-tasks:federation': () => nativeTasks.federation(),
  };
}
