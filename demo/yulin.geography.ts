/**
 * The org tree of Yulin (玉林市) for the demo data. The city, its seven county-level units and their
 * official division codes are real; the 街道 and 镇 are the county-level units' own subdivisions as publicly
 * listed; community and grid names are plausible, not official. The tree does not depend on the seed: the
 * same ids every time, so demo identities, tests and bookmarks can name units.
 *
 * Ids follow the statistical-code layout without claiming to be the official codes below county level:
 * street = county code + 3 digits (街道 001-099, 镇 100-199), community = street id + 3 digits,
 * grid = community id + 3 digits.
 */
import type { OrgUnit, OrgUnitKind } from '../core/model/org-unit.model';
import type { OrgLevel } from '../core/org/org-levels';
import { buildPath } from '../core/org/org-path';

interface StreetSeed {
  readonly name: string;
  /** Community names (without 社区) of a 街道; a 镇 gives its number of communities instead. */
  readonly communities: readonly string[] | number;
}

interface CountySeed {
  readonly code: string;
  readonly name: string;
  /** How provider names start: 玉林市玉州区..., 容县... */
  readonly namePrefix: string;
  readonly subdistricts: readonly StreetSeed[];
  readonly towns: readonly StreetSeed[];
}

export const YULIN_CITY = { code: '450900', name: '玉林市' } as const;

/** A 镇 with `n` communities. */
const town = (name: string, n: number): StreetSeed => ({ name, communities: n });

/** 75 urban communities under 8 街道, 97 township communities under 镇 (the case study's 172). */
export const YULIN_COUNTIES: readonly CountySeed[] = [
  {
    code: '450902',
    name: '玉州区',
    namePrefix: '玉林市玉州区',
    subdistricts: [
      {
        name: '玉城街道',
        communities: [
          '东门',
          '西门',
          '南门',
          '北门',
          '城中',
          '广场',
          '新民',
          '人民',
          '大北',
          '一环',
          '江滨',
          '清宁',
        ],
      },
      {
        name: '名山街道',
        communities: ['名山', '塘步', '万花', '东明', '富民', '教育', '文化', '新村', '龙湾', '嘉和'],
      },
      {
        name: '南江街道',
        communities: ['南江', '岭塘', '独山', '江南', '朝阳', '宝塔', '旺角', '南流', '新南', '金湖'],
      },
      {
        name: '城西街道',
        communities: ['城西', '西城', '西站', '苗园', '高山', '西岭', '东环', '凤凰', '长塘'],
      },
      {
        name: '城北街道',
        communities: ['城北', '北环', '秀水', '东岸', '北湖', '城站', '金城', '平安', '东兴', '和谐'],
      },
    ],
    towns: [town('大塘镇', 2), town('茂林镇', 2), town('仁东镇', 1), town('仁厚镇', 1)],
  },
  {
    code: '450903',
    name: '福绵区',
    namePrefix: '玉林市福绵区',
    subdistricts: [],
    towns: [
      town('福绵镇', 2),
      town('成均镇', 1),
      town('樟木镇', 1),
      town('新桥镇', 1),
      town('沙田镇', 1),
      town('石和镇', 1),
    ],
  },
  {
    code: '450921',
    name: '容县',
    namePrefix: '容县',
    subdistricts: [],
    towns: [
      town('容州镇', 4),
      town('杨梅镇', 1),
      town('灵山镇', 1),
      town('六王镇', 1),
      town('黎村镇', 1),
      town('杨村镇', 1),
      town('县底镇', 1),
      town('自良镇', 1),
      town('松山镇', 1),
      town('罗江镇', 1),
      town('石头镇', 1),
      town('石寨镇', 1),
      town('十里镇', 0),
      town('容西镇', 0),
      town('浪水镇', 0),
    ],
  },
  {
    code: '450922',
    name: '陆川县',
    namePrefix: '陆川县',
    subdistricts: [],
    towns: [
      town('温泉镇', 4),
      town('米场镇', 1),
      town('马坡镇', 1),
      town('珊罗镇', 1),
      town('平乐镇', 1),
      town('沙湖镇', 1),
      town('沙坡镇', 1),
      town('大桥镇', 1),
      town('乌石镇', 1),
      town('良田镇', 1),
      town('清湖镇', 1),
      town('古城镇', 1),
      town('横山镇', 0),
      town('滩面镇', 0),
    ],
  },
  {
    code: '450923',
    name: '博白县',
    namePrefix: '博白县',
    subdistricts: [],
    towns: [
      town('博白镇', 5),
      town('双凤镇', 1),
      town('顿谷镇', 1),
      town('水鸣镇', 1),
      town('那林镇', 1),
      town('江宁镇', 1),
      town('三滩镇', 1),
      town('黄凌镇', 1),
      town('亚山镇', 1),
      town('旺茂镇', 1),
      town('东平镇', 1),
      town('沙河镇', 1),
      town('菱角镇', 1),
      town('新田镇', 1),
      town('凤山镇', 1),
      town('宁潭镇', 1),
      town('文地镇', 1),
      town('英桥镇', 1),
      town('那卜镇', 0),
      town('大垌镇', 0),
      town('沙陂镇', 0),
      town('径口镇', 0),
      town('松旺镇', 0),
      town('龙潭镇', 0),
      town('大坝镇', 0),
      town('永安镇', 0),
    ],
  },
  {
    code: '450924',
    name: '兴业县',
    namePrefix: '兴业县',
    subdistricts: [],
    towns: [
      town('石南镇', 3),
      town('大平山镇', 1),
      town('葵阳镇', 1),
      town('城隍镇', 1),
      town('山心镇', 1),
      town('沙塘镇', 1),
      town('蒲塘镇', 1),
      town('北市镇', 1),
      town('龙安镇', 1),
      town('高峰镇', 1),
      town('小平山镇', 1),
      town('卖酒镇', 0),
      town('洛阳镇', 0),
    ],
  },
  {
    code: '450981',
    name: '北流市',
    namePrefix: '北流市',
    subdistricts: [
      {
        name: '陵城街道',
        communities: ['陵城', '东街', '西街', '城中', '河东', '河西', '勾漏', '圭江', '新城'],
      },
      { name: '城南街道', communities: ['城南', '南苑', '永丰', '杏林', '南郊', '金湾', '松岭', '南华'] },
      { name: '城北街道', communities: ['城北', '北苑', '北门', '东园', '荔园', '新街', '兴华'] },
    ],
    towns: [
      town('北流镇', 2),
      town('新圩镇', 1),
      town('大里镇', 1),
      town('塘岸镇', 1),
      town('清水口镇', 1),
      town('民乐镇', 1),
      town('西埌镇', 1),
      town('新荣镇', 1),
      town('大坡外镇', 1),
      town('六麻镇', 1),
      town('新丰镇', 1),
      town('沙垌镇', 1),
      town('平政镇', 1),
      town('白马镇', 1),
      town('大伦镇', 1),
      town('扶新镇', 1),
      town('六靖镇', 1),
      town('石窝镇', 1),
      town('清湾镇', 0),
      town('山围镇', 0),
      town('民安镇', 0),
      town('隆盛镇', 0),
    ],
  },
];

/** Names of a county seat's (or a large town's) communities, in order. */
const SEAT_COMMUNITY_NAMES = ['城东', '城西', '城南', '城北', '城中', '新城'];

/** Residential estates (小区) used as the grids of urban communities. */
const ESTATE_NAMES = [
  '金港花园',
  '东方名城',
  '城市花园',
  '翰林苑',
  '碧水湾',
  '锦绣华庭',
  '阳光新城',
  '书香门第',
  '御景园',
  '江南豪庭',
  '丽景湾',
  '桂园',
  '玉柴宿舍区',
  '供电小区',
  '教师新村',
  '人民医院宿舍',
  '富丽华庭',
  '嘉和城',
  '凤凰城',
  '幸福里',
  '盛世华府',
  '香樟园',
  '怡景苑',
  '南城花园',
  '金穗园',
  '荔苑',
  '华安小区',
  '天誉花园',
  '新城印象',
  '康居园',
];

const BLOCK_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格'];

function townStem(name: string): string {
  return name.endsWith('镇') ? name.slice(0, -1) : name;
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}

export interface YulinGeography {
  /** Every unit, parents before children (city, then each county depth-first). */
  readonly units: readonly OrgUnit[];
  readonly counties: readonly OrgUnit[];
  readonly streets: readonly OrgUnit[];
  readonly communities: readonly OrgUnit[];
  readonly grids: readonly OrgUnit[];
  readonly byId: ReadonlyMap<string, OrgUnit>;
  /** Grids of every community, by community id. */
  readonly gridsOfCommunity: ReadonlyMap<string, readonly OrgUnit[]>;
  /** The county seed of a unit (for name prefixes): by county id. */
  readonly countySeeds: ReadonlyMap<string, CountySeed>;
}

/** Builds the tree. `now` stamps createdAt/updatedAt; the ids and paths never change. */
export function buildYulinGeography(now: number): YulinGeography {
  const tree = new TreeBuilder(now);
  const city = tree.add(YULIN_CITY.code, YULIN_CITY.name, 'city', null, null, 0, YULIN_CITY.code);
  YULIN_COUNTIES.forEach((countySeed, countyIndex) => tree.addCounty(city, countySeed, countyIndex));
  return {
    units: tree.units,
    counties: tree.counties,
    streets: tree.streets,
    communities: tree.communities,
    grids: tree.grids,
    byId: new Map(tree.units.map((u) => [u._id, u])),
    gridsOfCommunity: tree.gridsOfCommunity,
    countySeeds: tree.countySeeds,
  };
}

/** Adds units parents first, keeping the lists of each level. */
class TreeBuilder {
  readonly units: OrgUnit[] = [];
  readonly counties: OrgUnit[] = [];
  readonly streets: OrgUnit[] = [];
  readonly communities: OrgUnit[] = [];
  readonly grids: OrgUnit[] = [];
  readonly gridsOfCommunity = new Map<string, OrgUnit[]>();
  readonly countySeeds = new Map<string, CountySeed>();
  /** Communities added so far, city-wide: spreads grid counts and estate names evenly. */
  private communityOrdinal = 0;

  constructor(private readonly now: number) {}

  add(
    id: string,
    name: string,
    level: OrgLevel,
    parent: OrgUnit | null,
    kind: OrgUnitKind | null,
    sortOrder: number,
    divisionCode: string | null,
  ): OrgUnit {
    const unit: OrgUnit = {
      _id: id,
      name,
      level,
      parentId: parent === null ? null : parent._id,
      path: buildPath(parent === null ? null : parent.path, id),
      fullName: parent === null ? name : parent.fullName + name,
      kind,
      divisionCode,
      sortOrder,
      createdAt: this.now,
      updatedAt: this.now,
    };
    this.units.push(unit);
    return unit;
  }

  /** A county with its 街道 (ids 001-099) and then its 镇 (ids 101-199). */
  addCounty(city: OrgUnit, seed: CountySeed, countyIndex: number): void {
    const county = this.add(seed.code, seed.name, 'county', city, null, countyIndex, seed.code);
    this.counties.push(county);
    this.countySeeds.set(county._id, seed);
    seed.subdistricts.forEach((street, i) => {
      const unit = this.add(
        `${county._id}${pad3(i + 1)}`,
        street.name,
        'street',
        county,
        'subdistrict',
        i,
        null,
      );
      this.streets.push(unit);
      this.addCommunities(unit, street.communities as readonly string[], 'urban');
    });
    seed.towns.forEach((town, i) => {
      const sortOrder = seed.subdistricts.length + i;
      const unit = this.add(
        `${county._id}${pad3(100 + i + 1)}`,
        town.name,
        'street',
        county,
        'town',
        sortOrder,
        null,
      );
      this.streets.push(unit);
      const count = town.communities as number;
      const stem = townStem(town.name);
      const names = count <= 2 ? [stem, `${stem}新区`].slice(0, count) : SEAT_COMMUNITY_NAMES.slice(0, count);
      this.addCommunities(unit, names, 'township');
    });
  }

  /** The communities of a street, each with 2 to 4 grids (estates in town, blocks in townships). */
  private addCommunities(street: OrgUnit, names: readonly string[], kind: 'urban' | 'township'): void {
    names.forEach((communityName, i) => {
      const id = `${street._id}${pad3(i + 1)}`;
      const community = this.add(id, `${communityName}社区`, 'community', street, kind, i, null);
      this.communities.push(community);
      // 2 to 4 grids, spread evenly and independent of the seed.
      const ordinal = this.communityOrdinal;
      const gridCount = 2 + ((ordinal * 7 + 3) % 3);
      const own: OrgUnit[] = [];
      for (let g = 0; g < gridCount; g += 1) {
        const name =
          kind === 'urban'
            ? `${ESTATE_NAMES[(ordinal * 3 + g) % ESTATE_NAMES.length]!}小区`
            : BLOCK_NAMES[g]!;
        const gridKind = kind === 'urban' ? 'estate' : 'block';
        const grid = this.add(`${community._id}${pad3(g + 1)}`, name, 'grid', community, gridKind, g, null);
        this.grids.push(grid);
        own.push(grid);
      }
      this.gridsOfCommunity.set(community._id, own);
      this.communityOrdinal += 1;
    });
  }
}
