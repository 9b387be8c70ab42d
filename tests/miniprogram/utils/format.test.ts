/**
 * Display formatting of the mini-program: prices, stars, reach, statuses, Shanghai times, phones (masking
 * and the mobile rule from the core's bundle, weimin-core).
 */
import { checkMobilePhone, maskPhone } from 'weimin-core';
import { distanceLabel, reachLabel } from '../../../miniprogram/utils/distance.format';
import { isMasked } from '../../../miniprogram/utils/phone.format';
import { formatFen, formatPrice, formatPricing } from '../../../miniprogram/utils/price.format';
import { starsLabel, starsText } from '../../../miniprogram/utils/stars.format';
import { actorLabel, statusLabel, statusTheme } from '../../../miniprogram/utils/status.format';
import { formatShanghaiMinute, formatShanghaiShort } from '../../../miniprogram/utils/time.format';

describe('price formatting', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1200, '¥12.00'],
    [1999, '¥19.99'],
    [100_000_000, '¥1000000.00'],
  ])('should show %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('should say 免费 for a free offering and show no market price', () => {
    expect(formatPrice({ free: true, text: '免费' })).toEqual({
      free: true,
      price: '免费',
      unit: '',
      marketPrice: '',
    });
  });

  it('should show a low fee with its unit and the market price beside it', () => {
    const label = { free: false, price: '¥12.00', unit: '/次', marketPrice: '¥30.00' };
    expect(
      formatPrice({ free: false, feeFen: 1200, marketPriceFen: 3000, unit: '次', text: '12元/次' }),
    ).toEqual(label);
  });

  it('should leave the unit out when the offering names none', () => {
    expect(formatPrice({ free: false, feeFen: 500, marketPriceFen: 800, unit: '', text: '5元' }).unit).toBe(
      '',
    );
  });

  it('should read an offering’s stored pricing (a next offer) into the same label', () => {
    expect(formatPricing({ kind: 'free' })).toEqual(formatPrice({ free: true, text: '免费' }));
    expect(formatPricing({ kind: 'low_fee', priceFen: 1200, marketPriceFen: 3000, unit: '次' })).toEqual({
      free: false,
      price: '¥12.00',
      unit: '/次',
      marketPrice: '¥30.00',
    });
  });
});

describe('stars', () => {
  it.each([
    [1, '★☆☆☆☆', '1 星'],
    [4, '★★★★☆', '4 星'],
    [5, '★★★★★', '5 星'],
    [7, '★★★★★', '5 星'],
    [0, '☆☆☆☆☆', '暂无星级'],
    [Number.NaN, '☆☆☆☆☆', '暂无星级'],
  ])('should show level %p as %s (%s)', (level, text, label) => {
    expect(starsText(level)).toBe(text);
    expect(starsLabel(level)).toBe(label);
  });
});

describe('reach in the org tree', () => {
  it.each([
    [0, '本小区'],
    [1, '本社区'],
    [2, '街道内'],
    [3, '县(市、区)内'],
    [4, '全市'],
    [9, '全市'],
  ])('should call distance %i %s', (distance, label) => {
    expect(distanceLabel(distance)).toBe(label);
  });

  it('should mark a provider found by widening the search', () => {
    expect(reachLabel(2, true)).toBe('已扩大范围 · 街道内');
    expect(reachLabel(1, false)).toBe('本社区');
  });
});

describe('order statuses', () => {
  it.each([
    ['created', '待接单', 'warning'],
    ['accepted', '已接单', 'primary'],
    ['done', '已完成服务', 'success'],
    ['declined', '已拒单', 'danger'],
    ['cancelled', '已取消', 'default'],
    ['closed', '已关闭', 'default'],
    ['something-new', '未知状态', 'default'],
  ])('should show %s as %s', (status, label, theme) => {
    expect(statusLabel(status)).toBe(label);
    expect(statusTheme(status)).toBe(theme);
  });

  it('should name who acted in Chinese, as the core names the roles', () => {
    expect(actorLabel('provider_staff')).toBe('服务机构人员');
    expect(actorLabel('worker')).toBe('平台管理人员');
    expect(actorLabel('resident')).toBe('居民');
    expect(actorLabel('system')).toBe('系统');
  });
});

describe('times in Asia/Shanghai', () => {
  const t = Date.UTC(2026, 10, 29, 16, 5); // 2026-11-30 00:05 in Shanghai

  it('should show the Shanghai wall clock whatever the machine time zone', () => {
    expect(formatShanghaiMinute(t)).toBe('2026-11-30 00:05');
  });

  it('should shorten times of the current year for lists', () => {
    expect(formatShanghaiShort(t, Date.UTC(2026, 0, 1))).toBe('11-30 00:05');
    expect(formatShanghaiShort(t, Date.UTC(2027, 5, 1))).toBe('2026-11-30 00:05');
  });

  it('should show nothing for a missing time', () => {
    expect(formatShanghaiMinute(undefined)).toBe('');
    expect(formatShanghaiShort(null, t)).toBe('');
  });
});

describe('phones', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['0775-2821234', '077****1234'],
    ['12345', '***45'],
    ['12', '**'],
  ])('should mask %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('should recognise a masked number', () => {
    expect(isMasked('138****1234')).toBe(true);
    expect(isMasked('13812341234')).toBe(false);
    expect(isMasked(null)).toBe(false);
  });

  it.each([
    ['13812341234', true],
    [' 13812341234 ', true],
    ['12812341234', false],
    ['1381234123', false],
  ])('should accept %p as a mobile number: %p', (phone, ok) => {
    expect(checkMobilePhone(phone).ok).toBe(ok);
  });

  it('should refuse a bad number with the core’s message', () => {
    expect(checkMobilePhone('1381234')).toEqual({ ok: false, message: '请输入 11 位手机号码' });
  });

  it('should not mistake inherited names for statuses or roles', () => {
    expect(statusLabel('toString')).toBe('未知状态');
    expect(actorLabel('constructor')).toBe('平台');
  });
});
