import { DEFAULT_ARTEFACT_SIZE_LIMIT, describeFileSize } from '../../../src/core/model/artefact';

test('file sizes read as Windows and SharePoint show them', () => {
  expect(describeFileSize(0)).toBe('0 bytes');
  expect(describeFileSize(1)).toBe('1 byte');
  expect(describeFileSize(40)).toBe('40 bytes');
  expect(describeFileSize(200 * 1024)).toBe('200 KB');
  expect(describeFileSize(1536)).toBe('1.5 KB');
  expect(describeFileSize(10 * 1024 * 1024)).toBe('10 MB');
  expect(describeFileSize(DEFAULT_ARTEFACT_SIZE_LIMIT)).toBe('1 GB');
  expect(describeFileSize(1.5 * DEFAULT_ARTEFACT_SIZE_LIMIT)).toBe('1.5 GB');
});

test('the default limit is 1 GiB', () => {
  expect(DEFAULT_ARTEFACT_SIZE_LIMIT).toBe(1073741824);
});
