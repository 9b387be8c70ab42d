/**
 * 行业: the industry a service belongs to, and so the industry regulator (行业主管部门) who reviews the providers
 * that offer it and oversees them (the case study's 行业主管部门与孵化中心共同评估). Each service category names its
 * industry; a regulator's grant names the industry it acts for (decision 0026).
 */
export const INDUSTRIES = [
  'civil_affairs',
  'health',
  'human_resources',
  'market_regulation',
  'housing',
  'culture_tourism',
  'education',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_LABELS: Readonly<Record<Industry, string>> = {
  civil_affairs: '民政',
  health: '卫生健康',
  human_resources: '人力资源和社会保障',
  market_regulation: '市场监督管理',
  housing: '住房和城乡建设',
  culture_tourism: '文化广电和旅游',
  education: '教育',
};

/** A category that names no industry (added before industries were kept) is overseen by 民政. */
export const DEFAULT_INDUSTRY: Industry = 'civil_affairs';

export function isIndustry(value: unknown): value is Industry {
  return typeof value === 'string' && (INDUSTRIES as readonly string[]).includes(value);
}

/** The industry of a category document or seed (`industry` absent: DEFAULT_INDUSTRY). */
export function industryOf(category: { readonly industry?: string | null }): Industry {
  return isIndustry(category.industry) ? category.industry : DEFAULT_INDUSTRY;
}
