import type { EventChannel, RequestChannel } from './index';

/*
 * The contract's channel names as plain strings, for the preload: it forwards a name it finds here and
 * nothing else, without bundling zod or the schemas (main parses every request and every event payload).
 * `satisfies` refuses a name the contract lacks; the preload's unit test refuses a channel missing here.
 */
export const requestChannelNameList = [
  'app:get-info',
  'app:open-external',
  'app:open-log-folder',
  'app:exit',
  'auth:get-status',
  'auth:sign-in',
  'auth:sign-in-device-code',
  'auth:open-device-code-page',
  'auth:cancel-sign-in',
  'auth:sign-out',
  'changes:get-baseline',
  'changes:get-staging-state',
  'changes:get-pending-exports',
  'changes:get-organizational-units',
  'changes:validate-forest-account',
  'changes:prepare-plan',
  'changes:apply-plan',
  'changes:undo-plan',
  'changes:get-interrupted-plan',
  'changes:restore-scheduler',
  'configuration:get-view',
  'configuration:export-settings',
  'configuration:pick-compare-source',
  'configuration:compare',
  'configuration:save-comparison',
  'licenses:list-skus',
  'licenses:list-users',
  'licenses:apply',
  'licenses:list-groups',
  'licenses:get-group',
  'licenses:apply-group',
  'licenses:group-errors',
  'licenses:users-with-errors',
  'native-tasks:privacy',
  'native-tasks:device-options',
  'native-tasks:refresh-schema',
  'native-tasks:user-sign-in',
  'native-tasks:federation',
  'native-wizard:open',
  'sync-admins:list',
  'sync-admins:add-member',
  'sync-admins:remove-member',
  'sync-status:get',
  'sync-status:start-cycle',
  'troubleshoot:object',
  'troubleshoot:password-sync',
  'troubleshoot:sync-now',
] as const satisfies readonly RequestChannel[];

export const eventChannelNameList = [
  'auth:status',
  'auth:device-code',
  'changes:plan-progress',
  'configuration:export-progress',
  'licenses:progress',
] as const satisfies readonly EventChannel[];
