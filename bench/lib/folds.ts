/** A stable fold for a page, from its id: the same page lands in the same fold on every run. */
export function foldOf(id: string, folds: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return (h >>> 0) % folds;
}
