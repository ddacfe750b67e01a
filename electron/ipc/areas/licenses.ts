import type { licensesChannels } from '../../../shared/contract/licenses';
import type { LicensesService } from '../../services/licenses/licenses-service';
import type { AreaHandlers } from '../register';

export function createLicensesHandlers(licenses: LicensesService): AreaHandlers<typeof licensesChannels> {
  return {
    'licenses:list-skus': async () => ({ skus: await licenses.listSkus() }),
    'licenses:list-users': (request) => licenses.listUsers(request),
    'licenses:apply': (request, context) => licenses.apply(request, (progress) => context.emit('licenses:progress', progress)),
    'licenses:list-groups': (request) => licenses.listGroups(request),
    'licenses:get-group': (request) => licenses.getGroup(request.groupId),
    'licenses:apply-group': (request) => licenses.applyGroup(request),
    'licenses:group-errors': (request) => licenses.groupLicenseErrors(request.groupId),
    'licenses:users-with-errors': () => licenses.usersWithLicenseErrors(),
  };
}
