/**
 * The service agreement (服务协定) a provider signs before it serves: a short text, versioned. The version in
 * force is `config.governance.agreementVersion`; the mini-program shows the text of that version (the
 * application detail carries it) and the applicant signs it by its version; each signature's record
 * (`agreements`) keeps the version and the SHA-256 of the text. A new text is a new entry here and a new
 * version in the configuration; signed records keep pointing at theirs.
 */
import { sha256Hex } from './agreement-hash';

export const AGREEMENT_TITLE = '“为民红绳”服务平台服务机构入驻服务协定';

/** Every version's text, by version. */
export const AGREEMENT_TEXTS: Readonly<Record<string, string>> = {
  'YL-HS-2026-01': [
    '甲方：所在社区（网格）党组织；乙方：入驻服务机构。',
    '一、乙方自愿入驻“为民红绳”服务平台，在申请的服务范围内接受群众需求，独立承担法律责任。',
    '二、乙方提供的服务具有一定公益性质，分为免费服务和低收费服务；低收费服务的价格须低于市场价，并按平台公示的价格收费，不得另行加价。',
    '三、乙方收到订单后应及时接单或说明理由，按约定上门服务，服务完成后 3 日内回访，如实记录回访情况。',
    '四、乙方对居民的差评应在 1 个工作日内联系居民，5 个工作日内整改或作出说明；对投诉应积极配合核实处理。',
    '五、乙方应妥善保护居民个人信息，仅为完成服务使用，不得泄露、出售或用于其他用途。',
    '六、乙方接受甲方、孵化中心和行业主管部门的监督和年度考核评价；考核发现问题的，应在限期内整改。',
    '七、整改期满问题依然存在或有严重违规行为的，甲方取消乙方入驻资格，列入黑名单，并报市、县两级监管部门备案。',
    '八、本协定自乙方签署之日起生效，有效期内乙方可申请退出平台，退出前应处理完已接订单。',
  ].join('\n'),
};

export interface AgreementText {
  readonly version: string;
  readonly title: string;
  readonly text: string;
  /** SHA-256 of `text`, hex: what a signature's record keeps. */
  readonly hash: string;
}

/** The text of `version`, or null when there is none (a configuration naming an unknown version). */
export function agreementTextOf(version: string): AgreementText | null {
  const text = AGREEMENT_TEXTS[version];
  if (text === undefined) return null;
  return { version, title: AGREEMENT_TITLE, text, hash: sha256Hex(text) };
}
