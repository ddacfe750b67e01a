export { OuTree, type OuTreeProps } from './OuTree';
export { OuTreeModel, parentDn, type CheckState, type OuInput } from './model';
export { applyFilter, filterFromTree, setSyncNewOus, syncsNewOus } from './filter';
