/**
 * The process tree lives in src/shared/process-tree*.ts so that the renderer can use it too; core
 * consumers (CLI, exporters) import it from here. There is nothing Node-specific to add.
 */
export { buildProcessTree, flattenProcessTree } from '../shared/process-tree';
export type { ProcessForest, ProcessNode, TreeProcess } from '../shared/process-tree';
export { filterProcessTree, sortProcessTree, SORT_ALIASES } from '../shared/process-tree-view';
export type { FilteredForest, SortColumn, SortOptions, TreeTotalColumn } from '../shared/process-tree-view';
