/**
 * The articles the browser tests add to examples/: three outlets reporting the same troop movement
 * with different numbers and one denial (so "who says what" has several sources and a
 * contradiction), a report with places for the map, and one hostile article whose text, title and
 * outlet carry markup that must only ever show as text. Our own prose. Depends on nothing.
 */

export interface TestArticle {
  title: string;
  outlet: string;
  published: string;
  url: string;
  text: string;
}

export const HOSTILE_MARKUP = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<a href="javascript:window.__xss=3">click</a>',
] as const;

export const ARTICLES: readonly TestArticle[] = [
  {
    title: 'Seoul says thousands more North Korean troops reached Russia',
    outlet: 'Harbor Times',
    published: '2024-11-14',
    url: 'https://harbor-times.example/2024/11/14/troops',
    text: [
      "North Korea sent about 12,000 soldiers to Russia on Wednesday, South Korea's intelligence agency said.",
      'The agency told lawmakers in Seoul that the soldiers had been moved to the Kursk region by train and ship.',
      'Ukraine condemned the deployment and said its forces were ready.',
    ].join('\n\n'),
  },
  {
    title: 'Officials in Seoul put North Korean deployment at 10,000',
    outlet: 'Daily Ledger',
    published: '2024-11-14',
    url: 'https://daily-ledger.example/world/korea-russia',
    text: [
      'North Korea sent 10,000 soldiers to Russia on Wednesday, officials said.',
      'Russia and North Korea signed a defence treaty in June, and the two governments have praised each other since.',
      'Japan criticised the move and urged restraint.',
    ].join('\n\n'),
  },
  {
    title: 'Moscow denies North Korean soldiers are on Russian soil',
    outlet: 'Northern Wire',
    published: '2024-11-14',
    url: 'https://northern-wire.example/moscow-denies',
    text: [
      'The Kremlin denied that North Korea sent soldiers to Russia on Wednesday.',
      'Kremlin spokesman Dmitry Peskov told reporters in Moscow that the reports were "a provocation".',
      'China called for talks between Russia and Ukraine.',
    ].join('\n\n'),
  },
  {
    title: 'Shelling reported in Kharkiv',
    outlet: 'Harbor Times',
    published: '2024-11-16',
    url: 'https://harbor-times.example/2024/11/16/kharkiv',
    text: [
      'Russian forces shelled Kharkiv on Saturday (November 16, 2024), Ukrainian officials said, killing 3 civilians.',
      'Ukraine appealed to Germany for more air defence systems.',
    ].join('\n\n'),
  },
  {
    title: `Hostile ${HOSTILE_MARKUP[1]} headline`,
    outlet: `Mirror ${HOSTILE_MARKUP[0]} Post`,
    published: '2024-11-17',
    url: 'javascript:window.__xss=4',
    text: [
      `Russia attacked Ukraine near Kherson on Sunday (November 17, 2024) ${HOSTILE_MARKUP[0]} officials in Kyiv said.`,
      `Ukraine accused Russia of shelling the city ${HOSTILE_MARKUP[1]} again, and Poland condemned the attack ${HOSTILE_MARKUP[2]} on Monday.`,
    ].join('\n\n'),
  },
];
