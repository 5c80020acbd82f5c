import { breakReferences } from "./github-references.js";

/**
 * Issue and pull request titles are plain text: no HTML, no entities. A mention in a title notifies
 * nobody, but `#12` there may be linked, and the same title is shown in lists and boards, so titles
 * get the same treatment as bodies: a zero-width space after each `@ # / : . -` of every mention and
 * reference, here as the character itself. The title reads the same and keeps its own backticks.
 */
export function neutralizeTitle(title: string): string {
  return breakReferences(title);
}
