/** Element names for panels: the one label function of src/model/labels.ts. */
export { elementLabel as labelOf, linkOf, nameOf } from '../model/labels';
