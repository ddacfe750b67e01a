export { OuTree } from './OuTree';
export { OuTreeModel } from './model';
export { useOuTreeModel, type OuTreeInput } from './use-ou-tree-model';
export { applyFilter, entriesNotShown, partitionsToSave, setSyncNewOus, syncsNewOus } from './filter';
