// Bundled from package.json at build time, so `tde --version` reads no file.
import { homepage, version } from '../../../package.json';

export const VERSION: string = version;
export const HOMEPAGE: string = homepage;
