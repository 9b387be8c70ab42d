/**
 * Pure rules of provider applications: the agreement text's fingerprint (SHA-256, checked against
 * node:crypto) and versions, who an assessment is from, the end of the public notice, and the life cycle's
 * paper-form steps.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_PLATFORM_CONFIG } from '../../../core/kernel/platform.config';
import { isDomainError } from '../../../core/kernel/errors';
import { APPLICATION_LIFECYCLE, assertNoticePeriodOver } from '../../../core/lifecycle/application.lifecycle';
import { sha256Hex } from '../../../core/providers/agreement-hash';
import { AGREEMENT_TEXTS, agreementTextOf } from '../../../core/providers/agreement.text';
import {
  assessorKeyOf,
  assessorLabel,
  currentAssessmentId,
} from '../../../core/providers/application-review.usecase';
import { assessmentMissingError, blacklistedError } from '../../../core/providers/application.errors';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the agreement text', () => {
  test.each([
    '',
    'abc',
    '服务协定',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(64),
    '😀 emoji and 中文 mixed',
    'x'.repeat(10_000),
  ])('sha256Hex(%#) equals node:crypto', (text) => {
    expect(sha256Hex(text)).toBe(nodeSha(text));
  });

  test('the version in force has a text, and its record keeps that text’s hash', () => {
    const version = DEFAULT_PLATFORM_CONFIG.governance.agreementVersion;
    const text = agreementTextOf(version)!;
    expect(text.text).toBe(AGREEMENT_TEXTS[version]);
    expect(text.hash).toBe(nodeSha(AGREEMENT_TEXTS[version]!));
    expect(text.text).toMatch(/低于市场价/);
    expect(agreementTextOf('no-such-version')).toBeNull();
  });

  test('a changed text has another hash', () => {
    const version = DEFAULT_PLATFORM_CONFIG.governance.agreementVersion;
    expect(sha256Hex(`${AGREEMENT_TEXTS[version]!} `)).not.toBe(agreementTextOf(version)!.hash);
  });
});

describe('assessors', () => {
  test('the incubation centre and each industry’s regulator, by label and key', () => {
    expect(assessorLabel('incubation', null)).toBe('孵化中心');
    expect(assessorLabel('regulator', 'health')).toBe('行业主管部门（卫生健康）');
    expect(assessorKeyOf('incubation', null)).toBe('incubation');
    expect(assessorKeyOf('regulator', 'civil_affairs')).toBe('regulator:civil_affairs');
    expect(currentAssessmentId('app-1', 'regulator:health')).toBe('app-1~regulator:health');
  });

  test('the missing-assessment refusal names what is missing', () => {
    const e = assessmentMissingError(['孵化中心', '行业主管部门（民政）']);
    expect(e.code).toBe('APPLICATION_ASSESSMENT_MISSING');
    expect(e.message).toBe('尚缺少孵化中心、行业主管部门（民政）的评估意见，暂不能发布公示');
  });

  test('the blacklist refusal carries the removal’s reason', () => {
    expect(blacklistedError('整改期满问题依然存在').message).toContain('清退原因：整改期满问题依然存在');
    expect(blacklistedError('').message).not.toContain('清退原因');
  });
});

describe('the end of the public notice', () => {
  const DAY = 86_400_000;
  const noticed = { _id: 'app-1', status: 'noticed' as const, statusChangedAt: 1_000 * DAY };

  test('counted from the notice’s own end when it has one, else from the notice’s start', () => {
    const withEnd = { ...noticed, noticeEndsAt: noticed.statusChangedAt + 3 * DAY };
    expect(() => assertNoticePeriodOver(withEnd, withEnd.noticeEndsAt - 1)).toThrow(
      expect.objectContaining({ code: 'APPLICATION_NOTICE_NOT_OVER' }),
    );
    expect(() => assertNoticePeriodOver(withEnd, withEnd.noticeEndsAt)).not.toThrow();
    expect(() => assertNoticePeriodOver(noticed, noticed.statusChangedAt + 7 * DAY - 1)).toThrow();
    expect(() => assertNoticePeriodOver(noticed, noticed.statusChangedAt + 7 * DAY)).not.toThrow();
  });

  test('the refusal is in Chinese', () => {
    try {
      assertNoticePeriodOver(noticed, noticed.statusChangedAt);
      throw new Error('not refused');
    } catch (e) {
      expect(isDomainError(e) && /公示期/.test(e.message)).toBe(true);
    }
  });
});

describe('the life cycle of a paper application', () => {
  test('a worker files a returned paper application again; a resident files their own', () => {
    const worker = { openid: 'w-1', role: 'worker' as const };
    const returned = { _id: 'app-1', status: 'returned' as const };
    // Both under provider.apply (a worker or leader in their unit enters paper forms), as different steps.
    const byWorker = APPLICATION_LIFECYCLE.transition(returned, 'applied', worker, 2).rule;
    expect([byWorker.action, byWorker.label]).toEqual(['provider.apply', '补录材料后重新提交']);
    const resident = { openid: 'r-1', role: 'resident' as const };
    const byResident = APPLICATION_LIFECYCLE.transition(returned, 'applied', resident, 2).rule;
    expect([byResident.action, byResident.label]).toEqual(['provider.apply', '补充材料后重新提交']);
  });
});
