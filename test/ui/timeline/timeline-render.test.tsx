/**
 * The timeline rendered to HTML on the server (react-dom/server, no DOM): what a screen reader and
 * a sighted person get before any interaction.
 */
import { renderToString } from 'react-dom/server';
import { Timeline, type TimelineData } from '../../../src/ui/features/timeline';
import { largeReview } from './large-review';

const small: TimelineData = {
  period: { start: '2025-11-01', end: '2026-03-31' },
  episodes: [
    {
      kind: 'kpe',
      id: 'kpe-2',
      number: 2,
      title: 'Strategy discussion without health',
      start: '2026-01-14',
      end: '2026-01-14',
      valence: 'problematic',
    },
    {
      kind: 'kpe',
      id: 'kpe-1',
      number: 1,
      title: 'Transfer of antenatal care between areas',
      start: '2025-11-10',
      end: '2026-01-20',
      valence: 'mixed',
    },
    {
      kind: 'kpe',
      id: 'kpe-3',
      number: 3,
      title: 'Health visitor’s <b>new birth</b> visit',
      start: '2026-02-02',
      end: '2026-02-02',
      valence: 'good',
    },
  ],
  points: [
    { kind: 'conversation', id: 'conv-1', date: '2026-02-10', title: 'Conversation with Health visitor 1' },
  ],
  deadlines: [{ kind: 'deadline', id: 'rapid', date: '2026-03-20', title: 'Rapid review due' }],
};

const render = (
  data: TimelineData,
  props: { initialView?: 'list' | 'picture'; initialWidth?: number } = {},
) => renderToString(<Timeline data={data} onOpen={() => undefined} {...props} />);

/** The accessible names of the items, in document order. */
const names = (html: string) =>
  [...html.matchAll(/<g role="button" tabindex="(-1|0)" aria-label="([^"]*)"/g)].map((m) => ({
    tabIndex: Number(m[1]),
    name: m[2]!
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  }));

describe('the timeline picture', () => {
  it('draws every item as a keyboard stop announced with its title and date, in time order', () => {
    const items = names(render(small));
    expect(items.map((i) => i.name)).toEqual([
      'KPE 1: Transfer of antenatal care between areas. 10 November 2025 to 20 January 2026. mixed practice.',
      'KPE 2: Strategy discussion without health. 14 January 2026. problematic practice.',
      'KPE 3: Health visitor’s <b>new birth</b> visit. 2 February 2026. good practice.',
      'Conversation with Health visitor 1. 10 February 2026.',
      'Deadline: Rapid review due. 20 March 2026.',
    ]);
    // A roving tabindex: one Tab stop, on the first item.
    expect(items.map((i) => i.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it('is SVG, never a bitmap, with a texture as well as a colour for each valence', () => {
    const html = render(small);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<img|<canvas/);
    expect(html).toMatch(/<pattern id="[^"]*-problematic"/);
    expect(html).toMatch(/<pattern id="[^"]*-mixed"/);
    // Problematic and mixed bars carry their texture; the good one is plain.
    expect(html.match(/fill="url\(#[^"]*-problematic\)"/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html.match(/fill="url\(#[^"]*-mixed\)"/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Good practice');
  });

  it('shows markup typed into a title as text', () => {
    const html = render(small);
    expect(html).not.toContain('<b>new birth</b>');
    expect(html).toContain('&lt;b&gt;new birth&lt;/b&gt;');
  });

  it('uses Fluent tokens, never literal colours', () => {
    const html = render(small);
    expect(html).not.toMatch(/(fill|stroke)="#|rgb\(/);
  });

  it('renders a large review: 80 episodes, 60 conversations and 20 deadlines', () => {
    const items = names(render(largeReview()));
    expect(items).toHaveLength(160);
    expect(items.filter((i) => i.tabIndex === 0)).toHaveLength(1);
  });
});

describe('the list alternative', () => {
  it('is what a narrow screen gets: every item as a button in time order, with its kind, date and valence', () => {
    const html = render(small, { initialWidth: 320 });
    expect(html).toContain('<ol');
    expect(html).not.toContain('role="button" tabindex');
    // Each button's name is its visible text (the title, then kind, date and valence).
    const buttons = [...html.matchAll(/<li><button([^>]*)>(.*?)<\/button><\/li>/g)];
    expect(buttons).toHaveLength(5);
    expect(buttons.every(([, attributes]) => !attributes!.includes('aria-label'))).toBe(true);
    expect(buttons[0]![2]).toContain('KPE 1: Transfer of antenatal care between areas');
    expect(html).toContain('Key practice episode · 10 November 2025 to 20 January 2026 · Mixed');
    expect(html).toContain('Deadline · 20 March 2026');
  });
});
