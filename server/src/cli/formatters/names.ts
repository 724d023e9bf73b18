// The formats' names, apart from their modules: the help texts and the
// package's type declarations name them without loading anything else.
export const FORMAT_NAMES = ['stylish', 'compact', 'json', 'sarif', 'github', 'markdown'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** `tde status` formats. */
export const STATUS_FORMATS = ['stylish', 'markdown', 'json'] as const;

/** `tde diff` formats. */
export const DIFF_FORMATS = ['stylish', 'markdown', 'json'] as const;
