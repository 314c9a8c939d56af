import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// The popup sign-in's landing page (MSAL 5 outside NAA-capable hosts): hands the response to
// the page that opened the popup, which closes it. Nothing is shown or logged.
void broadcastResponseToMainFrame().catch(() => undefined);
