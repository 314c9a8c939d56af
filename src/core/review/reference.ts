/** How a review's Team and its reference code relate (no zod here: the frame's first script reads it). */

const TEAM_REFERENCE = /^([A-Z]{2,5}-\d{4}-\d{2,4})\b/;

/** A Team is a review's when its name starts with the reference code: "CR-2026-014 Learning review" -> "CR-2026-014". */
export function reviewReference(teamName: string): string | null {
  return TEAM_REFERENCE.exec(teamName.trim())?.[1] ?? null;
}
