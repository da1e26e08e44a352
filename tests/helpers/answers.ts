/** The criteria of the bundled framework (criteria/smart-village.yaml), pillar by pillar. */
export const PILLARS = {
  strategy: ['vision', 'assets', 'identity', 'challenges', 'cross-sector', 'data', 'funding', 'alignment', 'resilience'],
  innovation: ['social', 'digital', 'connectivity', 'services', 'economy', 'agriculture', 'energy', 'learning', 'outcomes'],
  participation: [
    'understanding', 'involvement', 'inclusion', 'welcome', 'leadership', 'communication', 'partnerships', 'networks', 'replicability',
  ],
} as const;

export type PillarId = keyof typeof PILLARS;
export type Score = number | 'n/a' | 'dont-know' | null;

/** Every criterion id of the bundled framework, in framework order. */
export const CRITERIA: string[] = Object.entries(PILLARS).flatMap(([p, cs]) => cs.map((c) => `${p}.${c}`));

/** Answers giving each criterion of a pillar the score at its position (a shorter list leaves the rest out). */
export function pillarScores(scores: Partial<Record<PillarId, readonly Score[]>>): Record<string, Score> {
  const out: Record<string, Score> = {};
  for (const [p, list] of Object.entries(scores) as [PillarId, readonly Score[]][]) {
    list.forEach((s, i) => {
      const c = PILLARS[p][i];
      if (c !== undefined) out[`${p}.${c}`] = s;
    });
  }
  return out;
}

/** A double-quoted YAML scalar. */
export const yamlString = (s: string): string => JSON.stringify(s);

/** An answers file of the bundled framework, as `init` and `assess` write them. */
export function answersYaml(
  village: string,
  answers: Record<string, Score>,
  extra: { municipality?: string; lag?: string; respondent?: string; date?: string } = {},
): string {
  const head = [
    'schema: village-kit/answers@1',
    'framework: smart-village-lv',
    `village: ${yamlString(village)}`,
    ...Object.entries(extra).map(([k, v]) => `${k}: ${yamlString(v)}`),
  ];
  const body = Object.entries(answers).map(([id, s]) => `  ${id}: ${s === null ? 'null' : String(s)}`);
  return `${[...head, body.length > 0 ? 'answers:' : 'answers: {}', ...body].join('\n')}\n`;
}
