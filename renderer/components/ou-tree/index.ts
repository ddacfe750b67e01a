export { OuTree } from './OuTree';
export { OuTreeModel } from './model';
export { applyFilter, filterFromTree, setSyncNewOus, syncsNewOus } from './filter';
