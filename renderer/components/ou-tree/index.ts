export { OuTree } from './OuTree';
export { OuTreeModel } from './model';
export { useOuTreeModel, type OuTreeInput } from './use-ou-tree-model';
export { applyFilter, entriesNotShown, filterToSave, setSyncNewOus, syncsNewOus } from './filter';
