// The severities in force for a document: the nearest `.tderc.yaml` (cached
// per folder), overridden rule by rule by the `tde.rules` setting (resource
// scope, cached per document). Either changing revalidates the open files.
import { DidChangeConfigurationNotification, MessageType, type DidChangeConfigurationParams } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, loadConfigFor, mergeSeverities, ruleIds, type RuleSeverities, type TdeConfig } from '../engine';
import * as path from '../engine/paths';
import { ConfigurationIssuesNotification, type ConfigurationIssues } from '../shared/protocol';
import type { Session } from './session';

const SETTINGS_SECTION = 'tde';
const SEVERITIES = ['off', 'info', 'warning', 'error'];

interface TdeSettings {
  rules: RuleSeverities;
  /** `tde.validate.enable`: false turns the problems of the resource off. */
  validate: boolean;
}

const DEFAULT_SETTINGS: TdeSettings = { rules: {}, validate: true };

export class Configuration {
  /** Settings per document URI, as the client answered `workspace/configuration`. */
  private readonly settings = new Map<string, Promise<TdeSettings>>();
  /** What the client answered for each document, and last for any: what it will most likely answer next. */
  private readonly answered = new Map<string, TdeSettings>();
  private lastAnswer: TdeSettings | undefined;
  /** Settings from the last `didChangeConfiguration` payload: for clients without `workspace/configuration`. */
  private pushedSettings: TdeSettings | undefined;
  private readonly rcByFolder = new Map<string, TdeConfig>();
  /** What was last reported for each configuration file, to report changes only. */
  private readonly reported = new Map<string, string>();
  private readonly warnedSettings = new Set<string>();
  /** Bumped on every change, so cached checks know they are out of date. */
  generation = 0;

  constructor(
    private readonly session: Session,
    private readonly onChange: () => void,
  ) {}

  register(): void {
    const { connection } = this.session;
    connection.onDidChangeConfiguration(
      this.session.guardNotification('didChangeConfiguration', (params: DidChangeConfigurationParams) => {
        const pushed = readPayload(params.settings);
        if (pushed) this.pushedSettings = this.sanitize(pushed, 'didChangeConfiguration');
        this.changed();
      }),
    );
  }

  /** Ask to be told of `tde.*` changes, for clients that need a registration for that. */
  async registerDynamically(): Promise<void> {
    if (!this.session.support.configurationDynamic) return;
    await this.session.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }

  /** The configuration files changed on disk: forget them and recheck. */
  configFilesChanged(files: string[]): void {
    for (const file of files) {
      // A deleted file with reported problems: tell the client they are gone.
      if (this.reported.has(file) && !this.session.files.host.fileExists(file)) {
        if (this.reported.get(file) !== '[]') void this.session.connection.sendNotification(ConfigurationIssuesNotification, { file: this.session.files.reference(file), issues: [] });
        this.reported.delete(file);
      }
    }
    this.changed();
  }

  /** Workspace folders changed: settings may resolve differently now. */
  foldersChanged(): void {
    this.changed();
  }

  private changed(): void {
    this.settings.clear();
    this.answered.clear();
    this.lastAnswer = undefined;
    this.rcByFolder.clear();
    this.generation++;
    this.onChange();
  }

  /** A document closed: its settings are asked again if it is reopened. */
  forget(uri: string): void {
    this.settings.delete(uri);
  }

  /** The severities in force for a document; undefined when `tde.validate.enable` is off for it. */
  async severitiesFor(uri: string): Promise<RuleSeverities | undefined> {
    // The web build reads files through the client: fetch what the check will look up first.
    const preparing = this.session.files.prepare(uri);
    if (preparing) await preparing;
    const file = this.session.files.pathOf(uri);
    const rc = file ? this.rcFor(file) : undefined;
    const settings = await this.settingsFor(uri);
    if (!settings.validate) return undefined;
    return mergeSeverities(rc?.rules, settings.rules);
  }

  /**
   * What severitiesFor(uri) will most likely answer, known now: the client's
   * last answer for the document, else for any document (rules are seldom set
   * folder by folder), else what was pushed, else the defaults. Undefined
   * when validation is likely off, or when the files the answer depends on
   * are read through the client (the web build).
   */
  likelySeverities(uri: string): RuleSeverities | undefined {
    if (this.session.support.workspaceFiles) return undefined;
    const settings = this.answered.get(uri) ?? this.lastAnswer ?? this.pushedSettings ?? DEFAULT_SETTINGS;
    if (!settings.validate) return undefined;
    const file = this.session.files.pathOf(uri);
    return mergeSeverities(file ? this.rcFor(file).rules : undefined, settings.rules);
  }

  /** The `.tderc.yaml` in force for a file (cached per folder). */
  rcFor(file: string): TdeConfig {
    const folder = path.dirname(file);
    let config = this.rcByFolder.get(folder);
    if (!config) {
      config = loadConfigFor(file, this.session.files.host);
      this.rcByFolder.set(folder, config);
      if (config.file) this.report(config);
    }
    return config;
  }

  private settingsFor(uri: string): Promise<TdeSettings> {
    let settings = this.settings.get(uri);
    if (!settings) {
      const asked: Promise<TdeSettings> = this.fetchSettings(uri).then((answer) => {
        if (this.settings.get(uri) === asked) {
          this.answered.set(uri, answer);
          this.lastAnswer = answer;
        }
        return answer;
      });
      settings = asked;
      this.settings.set(uri, settings);
    }
    return settings;
  }

  private async fetchSettings(uri: string): Promise<TdeSettings> {
    const fallback = this.pushedSettings ?? DEFAULT_SETTINGS;
    if (!this.session.support.configuration) return fallback;
    try {
      const value: unknown = await this.session.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return value && typeof value === 'object' ? this.sanitize(value as Record<string, unknown>, 'workspace/configuration') : fallback;
    } catch (error) {
      this.session.error('workspace/configuration failed', error);
      return fallback;
    }
  }

  /** Keeps the known rules with a valid severity; says once what it ignored. */
  private sanitize(raw: Record<string, unknown>, source: string): TdeSettings {
    const rules: RuleSeverities = {};
    const given = raw.rules;
    if (given && typeof given === 'object' && !Array.isArray(given)) {
      for (const [id, value] of Object.entries(given as Record<string, unknown>)) {
        const setting = typeof value === 'string' ? value.toLowerCase() : value === false ? 'off' : undefined;
        if (ruleIds.includes(id) && setting && SEVERITIES.includes(setting)) {
          rules[id] = setting as RuleSeverities[string];
        } else {
          const note = `${source}: ignoring tde.rules["${id}"] = ${JSON.stringify(value)} (rules: ${ruleIds.join(', ')}; severities: ${SEVERITIES.join(', ')}).`;
          if (!this.warnedSettings.has(note)) {
            this.warnedSettings.add(note);
            this.session.warn(note);
          }
        }
      }
    }
    const validate = raw.validate && typeof raw.validate === 'object' ? (raw.validate as Record<string, unknown>).enable : raw['validate.enable'];
    return { rules, validate: validate !== false };
  }

  private report(config: TdeConfig): void {
    const file = config.file!;
    const issues: ConfigurationIssues = { file: this.session.files.reference(file), issues: config.issues.map(({ message, line }) => (line === undefined ? { message } : { message, line })) };
    const key = JSON.stringify(issues.issues);
    const previous = this.reported.get(file) ?? '[]';
    this.reported.set(file, key);
    if (previous === key) return;
    const { connection } = this.session;
    void connection.sendNotification(ConfigurationIssuesNotification, issues);
    if (issues.issues.length === 0) return;
    const lines = issues.issues.map((i) => `${issues.file}${i.line ? `:${i.line}` : ''}: ${i.message}`);
    this.session.warn(lines.join('\n'));
    if (!this.session.support.handlesConfigurationIssues) {
      void connection.sendNotification('window/showMessage', {
        type: MessageType.Warning,
        message: `tde: ${path.basename(file)} has ${issues.issues.length === 1 ? 'a problem' : `${issues.issues.length} problems`}: ${lines[0]}`,
      });
    }
  }
}

/** The `tde` section of a `didChangeConfiguration` payload (nested or flat). */
function readPayload(settings: unknown): Record<string, unknown> | undefined {
  if (!settings || typeof settings !== 'object') return undefined;
  const record = settings as Record<string, unknown>;
  const section = record[SETTINGS_SECTION];
  if (section && typeof section === 'object') return section as Record<string, unknown>;
  if ('rules' in record) return record;
  // Some clients send dotted keys: { "tde.rules": {...} }.
  const dotted = record[`${SETTINGS_SECTION}.rules`];
  if (dotted && typeof dotted === 'object') return { rules: dotted };
  return undefined;
}

export function isConfigFile(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}
