// The report formats' names, apart from their modules (the package's type
// declarations name them without loading anything else).
export const FORMAT_NAMES = ['stylish', 'compact', 'json', 'sarif', 'github', 'markdown'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
