/**
 * `security.msgSecCheck` answered from a local word list (sensitive-words.txt) instead of WeChat's models.
 * Version 2 replies with WeChat's documented shape: `result {suggest, label}`, `detail [{strategy, errcode,
 * suggest, label, keyword}]` and `trace_id`; label 100 means normal. Version 1 (no `version`) answers
 * errcode 87014 for risky content, as the retired v1 did.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENID_PATTERN, rid, wxError, wxOk, type WxReply } from './wechat-reply';

export const DEFAULT_SENSITIVE_WORDS_FILE = join(__dirname, 'sensitive-words.txt');

/** WeChat's label codes (100 is "normal"). */
export const SEC_CHECK_LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

export const MAX_CONTENT_CHARS = 2500;

export interface SensitiveWord {
  word: string;
  label: number;
  suggest: 'risky' | 'review';
}

export function parseSensitiveWords(text: string, source = 'sensitive-words.txt'): SensitiveWord[] {
  const out: SensitiveWord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const [word, labelText, suggest = 'risky', ...rest] = t.split(/\s+/);
    const label = Number(labelText);
    if (!word || rest.length > 0 || !(label in SEC_CHECK_LABELS) || label === 100) {
      throw new Error(`${source} 第 ${i + 1} 行格式不正确(应为:词 标签码 [risky|review]):${t}`);
    }
    if (suggest !== 'risky' && suggest !== 'review') {
      throw new Error(`${source} 第 ${i + 1} 行的处置建议只能是 risky 或 review:${t}`);
    }
    out.push({ word: word.toLowerCase(), label, suggest });
  });
  return out;
}

export function loadSensitiveWords(file = DEFAULT_SENSITIVE_WORDS_FILE): SensitiveWord[] {
  return parseSensitiveWords(readFileSync(file, 'utf8'), file);
}

/** The first risky hit, else the first review hit, else undefined. */
function findHit(words: readonly SensitiveWord[], text: string): SensitiveWord | undefined {
  const lower = text.toLowerCase();
  const hits = words.filter((w) => lower.includes(w.word));
  return hits.find((w) => w.suggest === 'risky') ?? hits[0];
}

export function msgSecCheck(words: readonly SensitiveWord[], params: Record<string, unknown>): WxReply {
  const content = params['content'];
  const version = Number(params['version'] ?? 1);
  if (version !== 2) {
    if (typeof content !== 'string' || content === '') return wxError(44002, 'empty post data');
    return findHit(words, content) ? wxError(87014, 'risky content') : wxOk();
  }
  const openid = params['openid'];
  if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) {
    return wxError(40003, 'invalid openid', 'version 2 需要传入用户的 openid');
  }
  const scene = params['scene'];
  if (scene !== 1 && scene !== 2 && scene !== 3 && scene !== 4) {
    return wxError(40129, 'invalid scene', 'scene 只能是 1 资料、2 评论、3 论坛、4 社交日志');
  }
  if (typeof content !== 'string' || content === '') {
    return wxError(44002, 'empty post data', 'content 不能为空');
  }
  if (Array.from(content).length > MAX_CONTENT_CHARS) {
    return wxError(47001, 'data format error', `content 最多 ${MAX_CONTENT_CHARS} 字`);
  }
  const extra = ['title', 'nickname', ...(scene === 1 ? ['signature'] : [])]
    .map((k) => params[k])
    .filter((v): v is string => typeof v === 'string');
  const hit = findHit(words, [content, ...extra].join('\n'));
  const suggest = hit ? hit.suggest : 'pass';
  const label = hit ? hit.label : 100;
  return wxOk({
    detail: [
      {
        strategy: 'keyword',
        errcode: 0,
        suggest,
        label,
        ...(hit ? { keyword: hit.word } : {}),
      },
    ],
    trace_id: rid(),
    result: { suggest, label },
  });
}
