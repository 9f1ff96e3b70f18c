import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `file` lies inside `folder` (or is it): a secret there is copied, backed up and stolen with it. */
export function isInside(folder: string, file: string): boolean {
  const path = relative(resolve(folder), resolve(file));
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}
