import type { Client } from '@microsoft/microsoft-graph-client';
import { sendBatch, type BatchOptions, type BatchPart, type BatchResult } from '../batch';

/**
 * sendBatch, sent again when the connection drops (sendBatch throws: the answer is lost, the
 * requests may or may not have run). Only for parts that are safe to repeat: reads, PATCHes with
 * If-Match (a repeat meets 412, which the caller checks), creates with a transactionId.
 */
export async function sendBatchAgainOnDrop(
  client: Client,
  parts: BatchPart[],
  options: BatchOptions = {},
  attempts = 4,
): Promise<BatchResult> {
  let roundTrips = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await sendBatch(client, parts, options);
      return { responses: result.responses, roundTrips: roundTrips + result.roundTrips };
    } catch (err) {
      roundTrips++;
      if (attempt >= attempts) throw err;
    }
  }
}
