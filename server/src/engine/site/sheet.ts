// The one-page sheet of a project, for a library notice board or a community
// meeting: the pitch and how to take part, in large type. It always fits one
// Letter or A4 page: each text is cut to a length the page can hold, and the
// print style gives the sheet a fixed box that hides any overflow.
import { href, own, page, projectPath, say, stepRow, type PageContext } from './layout';
import { channelItems } from './projectPage';
import { privateNames } from './people';
import { recordAt, textAt, textsAt, type SiteProject } from './projects';
import { vocabularyText } from '../../shared/l10n';
import { pitchBlanks } from '../vocabulary';
import { escapeHtml } from '../html';

/** Text cut at a word to at most `max` characters, with "…" when cut. */
function clampText(text: string, max: number): string {
  // Spaces at the ends are kept: the text may sit between others (a blank in the pitch's frame).
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

// Lengths that fit in practice; the print style's line limits (site.css) make sure of it for any text.
const SHEET_LIMITS = { title: 90, place: 80, pitch: 600, channels: 3, channel: 110, team: 160 } as const;

/** The pitch within its length: the team's words in bold, open blanks by name. */
function sheetPitch(context: PageContext, project: SiteProject): string {
  let left = SHEET_LIMITS.pitch;
  const parts: string[] = [];
  for (const segment of project.pitch(context.language).segments) {
    if (left <= 0) break;
    let text = segment.text;
    if (segment.blank && segment.empty) {
      const info = pitchBlanks.find((blank) => blank.key === segment.blank)!;
      text = `[${vocabularyText(context.language, `pitchBlank.${info.key}.label`, info.label)}]`;
    }
    const cut = text.length > left;
    const shown = cut ? clampText(text, left) : text.replace(/\s+/g, ' ');
    left -= shown.length;
    parts.push(segment.blank && !segment.empty ? `<strong>${own(shown)}</strong>` : own(shown));
    if (cut) break;
  }
  return `<p class="sheet-pitch">${parts.join('')}</p>`;
}

export function sheetPage(context: PageContext, project: SiteProject): string {
  const channels = channelItems(context, { implement: clampedChannels(project) }, privateNames(project.data));
  const team = textsAt(recordAt(project.data, 'project'), 'team').join(', ');
  const how = channels.length
    ? `<ul class="sheet-channels">${channels.map((item) => `<li><span class="clamp">${item}</span></li>`).join('')}</ul>`
    : team
      ? `<p class="sheet-ask">${say(context, 'sheet.askTeam', { team: clampText(team, SHEET_LIMITS.team) })}</p>`
      : `<p class="sheet-ask">${say(context, 'sheet.askCity')}</p>`;
  const address = context.options.baseUrl ? escapeHtml(context.options.baseUrl + projectPath(context.language, project).replace(/index\.html$/, '')) : '';
  const main = [
    '<article class="sheet">',
    `<p class="sheet-place">${own(clampText(project.place, SHEET_LIMITS.place))}</p>`,
    `<h1>${own(clampText(project.title, SHEET_LIMITS.title))}</h1>`,
    sheetPitch(context, project),
    `<h2>${say(context, 'sheet.takePart')}</h2>`,
    how,
    stepRow(context, project.states),
    address ? `<p class="sheet-address">${say(context, 'sheet.more')} <span class="url">${address}</span></p>` : '',
    '</article>',
  ].filter(Boolean).join('\n');
  const nav = `<a href="${href(context, projectPath(context.language, project))}">${say(context, 'sheet.back')}</a> `;
  return page(context, { title: `${own(project.title)} · ${say(context, 'sheet.title')}`, main, bodyClass: 'sheet-page', nav });
}

/** The first few feedback channels, each text cut to what the sheet holds. */
function clampedChannels(project: SiteProject): Record<string, unknown> {
  const channels = (recordAt(project.data, 'implement')?.feedback_channels ?? []) as unknown[];
  return {
    feedback_channels: (Array.isArray(channels) ? channels : []).slice(0, SHEET_LIMITS.channels).map((entry) => {
      const clamp = (key: string) => {
        const text = textAt(entry, key);
        return text === undefined ? undefined : clampText(text, SHEET_LIMITS.channel);
      };
      return { channel: clamp('channel'), owner: clamp('owner'), url: textAt(entry, 'url') && textAt(entry, 'url')!.length <= SHEET_LIMITS.channel ? textAt(entry, 'url') : clamp('url') };
    }),
  };
}
