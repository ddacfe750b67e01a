export { OuTree } from './OuTree';
export { OuTreeModel } from './model';
export { applyFilter, entriesNotShown, filterToSave, setSyncNewOus, syncsNewOus } from './filter';
