import { siteOfDocument } from '../../src/word/document-location';

describe('the review a document belongs to', () => {
  it('is the SharePoint site whose library holds it', () => {
    expect(
      siteOfDocument(
        'https://northmoor.sharepoint.com/sites/CR-2026-014/ReviewArtefacts/CR-2026-014%20Report%20draft.docx',
      ),
    ).toEqual({ hostname: 'northmoor.sharepoint.com', path: '/sites/CR-2026-014' });
    expect(
      siteOfDocument(
        'https://northmoor.sharepoint.com/teams/CR-2026-014/_layouts/15/Doc.aspx?sourcedoc=%7B1%7D&file=x.docx',
      ),
    ).toEqual({ hostname: 'northmoor.sharepoint.com', path: '/teams/CR-2026-014' });
  });

  it('is none for a file on OneDrive, on a disk, or not saved yet', () => {
    expect(
      siteOfDocument('https://northmoor-my.sharepoint.com/personal/amira_khan/Documents/x.docx'),
    ).toBeUndefined();
    expect(siteOfDocument('C:\\Reports\\draft.docx')).toBeUndefined();
    expect(siteOfDocument('')).toBeUndefined();
    expect(siteOfDocument('https://northmoor.sharepoint.com/Shared%20Documents/x.docx')).toBeUndefined();
    expect(siteOfDocument('https://evil.example/sites/CR-2026-014/x.docx')).toBeUndefined();
  });
});
