/** Report composition: the overview report as document-neutral blocks, shared by Word and the .docx export. */
export * from './blocks';
export * from './citations';
export * from './compose';
export * from './hash';
export * from './plain-text';
export * from './tags';
export * from './panel-pack';
