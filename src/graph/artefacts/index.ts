/** The artefact gateway: the review's "Review artefacts" library through Microsoft Graph. */
export * from './errors';
export * from './names';
export * from './metadata';
export {
  startUpload,
  DEFAULT_FRAGMENT_SIZE,
  FRAGMENT_UNIT,
  SIMPLE_UPLOAD_MAX,
  type UploadHandle,
  type UploadProgress,
  type DriveItem,
  type RetryPolicy,
} from './upload';
export * from './library';
export * from './record-status';
export * from './conversation-record';
export * from './sharing';
export * from './report-export';
export * from './panel-pack';
