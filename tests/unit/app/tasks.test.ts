import { describe, expect, it } from 'vitest';
import { appTaskIds, nativeTaskIds, taskDescriptions, taskIds, taskLabel } from '../../../renderer/flows/app/tasks';
import { orderedTaskFlows } from '../../../renderer/flows/registry';

describe('the Additional tasks list', () => {
  it('lists the native wizard’s nine tasks in its order with its names, then the app’s three', () => {
    expect(nativeTaskIds.map((task) => taskLabel(task, '2.2.1.0'))).toEqual([
      'Privacy settings',
      'View or export current configuration',
      'Customize synchronization options',
      'Configure device options',
      'Refresh directory schema',
      'Configure staging mode',
      'Change user sign-in',
      'Manage federation',
      'Troubleshoot',
    ]);
    expect(appTaskIds.map((task) => taskDescriptions[task].label)).toEqual(['Synchronization status', 'Sync administrators', 'Assign licenses']);
    expect(taskIds).toEqual([...nativeTaskIds, ...appTaskIds]);
    expect(orderedTaskFlows.map((flow) => flow.task)).toEqual(taskIds);
  });

  it('names the configuration task as the server’s build does: export since 1.5.42.0', () => {
    expect(taskLabel('configuration', '1.1.130.0')).toBe('View current configuration');
    expect(taskLabel('configuration', '1.5.30.0')).toBe('View current configuration');
    expect(taskLabel('configuration', '1.5.42.0')).toBe('View or export current configuration');
    expect(taskLabel('configuration', ' 2.4.18.0 ')).toBe('View or export current configuration');
    expect(taskLabel('configuration', null)).toBe('View current configuration');
    expect(taskLabel('configuration', 'unknown')).toBe('View current configuration');
    expect(taskLabel('privacy', '1.1.130.0')).toBe('Privacy settings');
  });
});
